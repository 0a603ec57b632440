using System.Globalization;

namespace Dyad.Syntax.Training;

/// <summary>
/// Trains the part-of-speech tagger and the lemmatizer from CoNLL-U files and writes one model file.
/// Training is deterministic: the same data, options and seed give a byte-identical model.
/// Usage: <c>new TaggerTrainer { Iterations = 10, Seed = 1 }.Train(train, dev, "models/tagger-en.bin", Console.Out)</c>.
/// </summary>
public sealed class TaggerTrainer
{
    /// <summary>Passes over the training data.</summary>
    public int Iterations { get; init; } = 10;
    /// <summary>Seed of the sentence shuffling.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Averaged weights with a smaller absolute value are dropped from the model.</summary>
    public float PruneThreshold { get; init; } = 0.01f;
    /// <summary>Use at most this many training sentences (0 = all); for smoke tests.</summary>
    public int MaxSentences { get; init; }
    /// <summary>More CoNLL-U files appended to the training data (e.g. dev for a final model).</summary>
    public IReadOnlyList<string> ExtraTrainPaths { get; init; } = [];
    /// <summary>Add a second left-to-right pass that also sees the first pass's classes to the right.</summary>
    public bool TwoPass { get; init; } = true;
    /// <summary>Folds for the training-time ambiguity-class lexicons (1 = use the full lexicon).</summary>
    public int AmbiguityFolds { get; init; } = 5;
    /// <summary>Minimum count for a form to get a fixed tag from the tag dictionary.</summary>
    public int FixedMinCount { get; init; } = 20;

    internal const string FeatureDescription =
        "greedy L2R; word, prefixes 1-3, suffixes 1-4, shape, flags, words +-2, suffix3 +-1, shapes +-1, " +
        "ambiguity classes 0..+2 (jackknifed in training), previous 2 classes and conjunctions; tag dictionary for frequent unambiguous forms";

    /// <summary>Trains on <paramref name="trainPath"/>, scores on <paramref name="devPath"/> (optional) and writes the model.</summary>
    public TaggerTrainingResult Train(string trainPath, string? devPath, string modelPath, TextWriter log)
    {
        var train = Conllu.ReadFile(trainPath);
        foreach (var extra in ExtraTrainPaths)
            train.AddRange(Conllu.ReadFile(extra));
        if (MaxSentences > 0 && train.Count > MaxSentences)
            train = train.GetRange(0, MaxSentences);
        var dev = devPath == null ? null : Conllu.ReadFile(devPath);
        log.WriteLine($"tagger: {train.Count} training sentences from {Path.GetFileName(trainPath)}");
        var (built, devUpos, devXpos) = Build(train, dev, log);
        var meta = new List<KeyValuePair<string, string>>
        {
            new("training-data", $"{TrainNames(trainPath, ExtraTrainPaths)} ({train.Count} sentences)"),
            new("training-data-source", "Universal Dependencies English EWT v2.15 (CC BY-SA 4.0)"),
            new("features", FeatureDescription),
            new("passes", TwoPass ? "2" : "1"),
            new("iterations", Iterations.ToString(CultureInfo.InvariantCulture)),
            new("seed", Seed.ToString(CultureInfo.InvariantCulture)),
            new("prune-threshold", PruneThreshold.ToString("R", CultureInfo.InvariantCulture)),
            new("classes", built.ClassUpos.Length.ToString(CultureInfo.InvariantCulture)),
            new("weights", $"{built.Weights.Features} features, {built.Weights.Entries} entries"),
        };
        if (dev != null)
        {
            meta.Add(new("dev-data", Path.GetFileName(devPath)!));
            meta.Add(new("dev-upos", devUpos.ToString("F2", CultureInfo.InvariantCulture)));
            meta.Add(new("dev-xpos", devXpos.ToString("F2", CultureInfo.InvariantCulture)));
        }
        string? dir = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (dir != null)
            Directory.CreateDirectory(dir);
        using (var f = File.Create(modelPath))
        {
            Tagger.Save(f, meta, built.ClassUpos, built.ClassXpos, built.XposNames.ToArray(), built.Weights, built.Weights2, built.Lexicon,
                built.Lemmatizer);
        }
        long size = new FileInfo(modelPath).Length;
        log.WriteLine($"tagger: wrote {modelPath} ({size / 1024.0 / 1024.0:F2} MB)");
        return new TaggerTrainingResult(devUpos, devXpos, size);
    }

    /// <summary>Trains in memory; returns the tagger and, when <paramref name="dev"/> is given, its UPOS/XPOS accuracy.</summary>
    internal (Tagger Tagger, double DevUpos, double DevXpos) Build(IReadOnlyList<ConlluSentence> train,
        IReadOnlyList<ConlluSentence>? dev, TextWriter? log)
    {
        // Class inventory: joint (UPOS, XPOS) pairs, sorted for determinism.
        var xposSet = new SortedSet<string>(StringComparer.Ordinal);
        var pairSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            foreach (var w in s.Words)
            {
                xposSet.Add(w.Xpos);
                pairSet.Add(w.Upos + "\t" + w.Xpos);
            }
        }
        var xposNames = xposSet.ToArray();
        var pairs = pairSet.ToArray();
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var classUpos = new UPos[pairs.Length];
        var classXpos = new int[pairs.Length];
        for (int c = 0; c < pairs.Length; c++)
        {
            classIndex[pairs[c]] = c;
            var parts = pairs[c].Split('\t');
            classUpos[c] = UPosNames.Parse(parts[0]);
            classXpos[c] = Array.BinarySearch(xposNames, parts[1], StringComparer.Ordinal);
        }
        if (pairs.Length > 256)
            throw new InvalidOperationException("Too many tag classes.");

        var gold = new int[train.Count][];
        var words = new string[train.Count][];
        for (int i = 0; i < train.Count; i++)
        {
            var s = train[i];
            gold[i] = new int[s.Words.Count];
            words[i] = new string[s.Words.Count];
            for (int j = 0; j < s.Words.Count; j++)
            {
                gold[i][j] = classIndex[s.Words[j].Upos + "\t" + s.Words[j].Xpos];
                words[i][j] = s.Words[j].Form;
            }
        }

        var lexicon = BuildLexicon(words, gold, pairs.Length, -1);
        // Training features read ambiguity classes from a lexicon built without the sentence's own fold, so that
        // they are as informative (and as incomplete) as on unseen text.
        var foldLexicons = new TagLexicon[Math.Max(1, AmbiguityFolds)];
        for (int k = 0; k < foldLexicons.Length; k++)
            foldLexicons[k] = AmbiguityFolds > 1 ? BuildLexicon(words, gold, pairs.Length, k) : lexicon;
        var lemmatizer = Lemmatizer.Learn(train.SelectMany(s => s.Words)
            .Select(w => (w.Form, UPosNames.Parse(w.Upos), w.Lemma)));

        var model = new AveragedPerceptron(pairs.Length);
        var model2 = TwoPass ? new AveragedPerceptron(pairs.Length) : null;
        var ctx = new TaggerContext();
        var scores = new float[pairs.Length];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new SplitMix(Seed);
        for (int it = 0; it < Iterations; it++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int si in order)
            {
                var ws = words[si];
                var g = gold[si];
                ctx.Prepare(ws, foldLexicons[si % foldLexicons.Length], useFixed: true);
                int p1 = -1, p2 = -1;
                for (int i = 0; i < ws.Length; i++)
                {
                    int c = ctx.Fixed[i];
                    if (c < 0)
                    {
                        int nf = ctx.Features(i, p1, p2);
                        var feats = ctx.Feats.AsSpan(0, nf);
                        model.Score(feats, scores);
                        c = Tagger.ArgMax(scores);
                        model.Update(feats, g[i], c);
                        model.Tick();
                    }
                    ctx.First[i] = c;
                    if (model2 == null && c == g[i])
                        correct++;
                    total++;
                    p2 = p1;
                    p1 = c;
                }
                if (model2 == null)
                    continue;
                p1 = p2 = -1;
                for (int i = 0; i < ws.Length; i++)
                {
                    int c = ctx.Fixed[i];
                    if (c < 0)
                    {
                        int nf = ctx.Features2(i, p1, p2);
                        var feats = ctx.Feats.AsSpan(0, nf);
                        model2.Score(feats, scores);
                        c = Tagger.ArgMax(scores);
                        model2.Update(feats, g[i], c);
                        model2.Tick();
                    }
                    if (c == g[i])
                        correct++;
                    p2 = p1;
                    p1 = c;
                }
            }
            log?.WriteLine($"tagger: iteration {it + 1}/{Iterations} train accuracy {100.0 * correct / Math.Max(1, total):F2}");
        }
        var weights = model.Freeze(PruneThreshold);
        var weights2 = model2?.Freeze(PruneThreshold);
        var placeholder = new ModelInfo(Tagger.Kind, ModelFile.FormatVersion, [], "");
        var tagger = new Tagger(placeholder, classUpos, classXpos, xposNames, weights, weights2, lexicon, lemmatizer);
        double devUpos = 0, devXpos = 0;
        if (dev != null)
        {
            (devUpos, devXpos) = Score(tagger, dev);
            log?.WriteLine($"tagger: dev upos {devUpos:F2} xpos {devXpos:F2} ({weights.Features} features, {weights.Entries} weights)");
        }
        return (tagger, devUpos, devXpos);
    }

    internal static string TrainNames(string trainPath, IReadOnlyList<string> extra) =>
        string.Join(" + ", new[] { trainPath }.Concat(extra).Select(Path.GetFileName));

    internal static (double Upos, double Xpos) Score(Tagger tagger, IReadOnlyList<ConlluSentence> sentences)
    {
        long n = 0, u = 0, x = 0;
        var up = new UPos[256];
        var xp = new int[256];
        foreach (var s in sentences)
        {
            var ws = s.Words.Select(w => w.Form).ToArray();
            if (up.Length < ws.Length)
            {
                up = new UPos[ws.Length];
                xp = new int[ws.Length];
            }
            tagger.Tag(ws, up, xp);
            for (int i = 0; i < ws.Length; i++)
            {
                n++;
                if (UPosNames.Name(up[i]) == s.Words[i].Upos)
                    u++;
                if (tagger.XposName(xp[i]) == s.Words[i].Xpos)
                    x++;
            }
        }
        return (100.0 * u / Math.Max(1, n), 100.0 * x / Math.Max(1, n));
    }

    private TagLexicon BuildLexicon(string[][] words, int[][] gold, int classes, int excludeFold)
    {
        var exactCounts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var lowerCounts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            if (excludeFold >= 0 && i % AmbiguityFolds == excludeFold)
                continue;
            for (int j = 0; j < words[i].Length; j++)
            {
                string w = words[i][j];
                Count(exactCounts, w, gold[i][j], classes);
                Count(lowerCounts, w.ToLowerInvariant(), gold[i][j], classes);
            }
        }
        return new TagLexicon(Entries(exactCounts, FixedMinCount), Entries(lowerCounts, int.MaxValue));

        static void Count(Dictionary<string, int[]> d, string w, int c, int classes)
        {
            if (!d.TryGetValue(w, out var counts))
                d[w] = counts = new int[classes];
            counts[c]++;
        }

        static Dictionary<string, TagLexEntry> Entries(Dictionary<string, int[]> counts, int fixedMin)
        {
            var result = new Dictionary<string, TagLexEntry>(StringComparer.Ordinal);
            foreach (var kv in counts)
            {
                int total = 0, best = 0, bestClass = 0;
                for (int c = 0; c < kv.Value.Length; c++)
                {
                    total += kv.Value[c];
                    if (kv.Value[c] > best)
                        (best, bestClass) = (kv.Value[c], c);
                }
                if (total < 2)
                    continue;
                uint h = 0x414d4231;
                for (int c = 0; c < kv.Value.Length; c++)
                    if (kv.Value[c] > 0 && kv.Value[c] * 50 >= total)
                        h = FeatureHash.Mix(h, (uint)c);
                short fixedClass = (short)(total >= fixedMin && best * 1000 >= total * 995 ? bestClass : -1);
                result[kv.Key] = new TagLexEntry(FeatureHash.Final(h), fixedClass);
            }
            return result;
        }
    }
}

/// <summary>Dev-set scores and file size of a trained tagger.</summary>
public sealed record TaggerTrainingResult(double DevUpos, double DevXpos, long ModelBytes);
