using System.Globalization;

namespace Dyad.Syntax.Training;

/// <summary>
/// Trains the arc-eager dependency parser from CoNLL-U files with a dynamic oracle (Goldberg &amp; Nivre 2012) and
/// an averaged perceptron, then writes the model file. Part-of-speech input during training comes from jackknifed
/// taggers (<see cref="JackknifeFolds"/>) so it matches what the parser sees at run time; non-projective training
/// trees are skipped. Deterministic: the same data, options and seed give a byte-identical model.
/// Usage: <c>new ParserTrainer { Iterations = 15, Seed = 1 }.Train(train, dev, "models/parser-en.bin", Console.Out)</c>.
/// </summary>
public sealed class ParserTrainer
{
    /// <summary>Passes over the training data.</summary>
    public int Iterations { get; init; } = 15;
    /// <summary>Seed of shuffling and exploration.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Averaged weights with a smaller absolute value are dropped from the model.</summary>
    public float PruneThreshold { get; init; } = 0.05f;
    /// <summary>Use at most this many training sentences (0 = all); for smoke tests.</summary>
    public int MaxSentences { get; init; }
    /// <summary>More CoNLL-U files appended to the training data (e.g. dev for a final model).</summary>
    public IReadOnlyList<string> ExtraTrainPaths { get; init; } = [];
    /// <summary>Folds for jackknifed training tags; 0 or 1 trains on gold tags.</summary>
    public int JackknifeFolds { get; init; } = 5;
    /// <summary>Iterations of each jackknife tagger.</summary>
    public int TaggerIterations { get; init; } = 8;
    /// <summary>From this (0-based) iteration on, the oracle follows the model's own wrong moves with <see cref="ExploreProbability"/>.</summary>
    public int ExploreFrom { get; init; } = 1;
    public double ExploreProbability { get; init; } = 0.9;
    /// <summary>Tagger used to tag the dev set for scoring; when null, dev is scored on gold tags.</summary>
    public Tagger? DevTagger { get; init; }
    /// <summary>Extra prune thresholds to score on dev after training (experiments only).</summary>
    public float[] PruneSweep { get; init; } = [];
    /// <summary>Score dev after every iteration (slower; for experiments).</summary>
    public bool DevEveryIteration { get; init; }

    internal const string FeatureDescription =
        "arc-eager, greedy; Zhang & Nivre 2011 templates (s0, n0-n2 word/XPOS, pairs, triples, distance, valency, " +
        "heads, leftmost/rightmost children and their labels to 2nd order, label sets) + s1, n3 XPOS, UPOS conjunctions; " +
        "dynamic oracle with exploration";

    private sealed class Sent
    {
        public required string[] Words;
        public required int[] Tags;
        public required UPos[] Upos;
        public required int[] GoldHead;   // index 1..n, [0] unused
        public required int[] GoldLabel;  // index 1..n
        public required int[] DepStart;   // CSR of gold dependents, index 0..n+1
        public required int[] Deps;
    }

    /// <summary>Trains on <paramref name="trainPath"/>, scores on <paramref name="devPath"/> (optional) and writes the model.</summary>
    public ParserTrainingResult Train(string trainPath, string? devPath, string modelPath, TextWriter log)
    {
        var train = Conllu.ReadFile(trainPath);
        foreach (var extra in ExtraTrainPaths)
            train.AddRange(Conllu.ReadFile(extra));
        if (MaxSentences > 0 && train.Count > MaxSentences)
            train = train.GetRange(0, MaxSentences);
        var dev = devPath == null ? null : Conllu.ReadFile(devPath);
        log.WriteLine($"parser: {train.Count} training sentences from {Path.GetFileName(trainPath)}");
        var (parser, skipped) = Build(train, dev, log);
        double uas = 0, las = 0;
        var meta = new List<KeyValuePair<string, string>>
        {
            new("training-data", $"{TaggerTrainer.TrainNames(trainPath, ExtraTrainPaths)} ({train.Count} sentences, {skipped} non-projective skipped)"),
            new("training-data-source", "Universal Dependencies English EWT v2.15 (CC BY-SA 4.0)"),
            new("features", FeatureDescription),
            new("feature-set", ParserState.LatestFeatureSet.ToString(CultureInfo.InvariantCulture)),
            new("iterations", Iterations.ToString(CultureInfo.InvariantCulture)),
            new("seed", Seed.ToString(CultureInfo.InvariantCulture)),
            new("jackknife-folds", JackknifeFolds.ToString(CultureInfo.InvariantCulture)),
            new("explore", $"from iteration {ExploreFrom + 1}, p={ExploreProbability.ToString(CultureInfo.InvariantCulture)}"),
            new("prune-threshold", PruneThreshold.ToString("R", CultureInfo.InvariantCulture)),
            new("labels", parser.LabelCount.ToString(CultureInfo.InvariantCulture)),
            new("weights", $"{parser.Weights.Features} features, {parser.Weights.Entries} entries"),
        };
        if (dev != null)
        {
            (uas, las) = Score(parser, dev, DevTagger);
            log.WriteLine($"parser: dev uas {uas:F2} las {las:F2} ({(DevTagger != null ? "predicted" : "gold")} tags)");
            meta.Add(new("dev-data", Path.GetFileName(devPath)!));
            meta.Add(new("dev-tags", DevTagger != null ? "predicted" : "gold"));
            meta.Add(new("dev-uas", uas.ToString("F2", CultureInfo.InvariantCulture)));
            meta.Add(new("dev-las", las.ToString("F2", CultureInfo.InvariantCulture)));
        }
        string? dir = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (dir != null)
            Directory.CreateDirectory(dir);
        using (var f = File.Create(modelPath))
            DependencyParser.Save(f, meta, parser.LabelNames.ToArray(), parser.XposNames.ToArray(), parser.Weights);
        long size = new FileInfo(modelPath).Length;
        log.WriteLine($"parser: wrote {modelPath} ({size / 1024.0 / 1024.0:F2} MB)");
        return new ParserTrainingResult(uas, las, size);
    }

    internal (DependencyParser Parser, int Skipped) Build(IReadOnlyList<ConlluSentence> train,
        IReadOnlyList<ConlluSentence>? dev, TextWriter? log)
    {
        var labelSet = new SortedSet<string>(StringComparer.Ordinal) { "root" };
        var xposSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            foreach (var w in s.Words)
            {
                labelSet.Add(w.DepRel);
                xposSet.Add(w.Xpos);
            }
        }
        var labels = labelSet.ToArray();
        var xposNames = xposSet.ToArray();
        if (2 + 2 * labels.Length > 256)
            throw new InvalidOperationException("Too many dependency labels.");
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++)
            labelIndex[labels[i]] = i;
        var placeholder = new ModelInfo(DependencyParser.Kind, ModelFile.FormatVersion,
            [new("feature-set", ParserState.LatestFeatureSet.ToString(CultureInfo.InvariantCulture))], "");
        // A parser shell gives the tag hashing; weights are filled in at the end.
        var shell = new DependencyParser(placeholder, labels, xposNames, new FeatureWeights(2 + 2 * labels.Length, [], [0], [], []));

        var (trainTags, trainUpos) = TrainingTags(train, xposNames, log);
        var sents = new List<Sent>();
        int skipped = 0;
        for (int i = 0; i < train.Count; i++)
        {
            var s = train[i];
            if (!s.IsProjective() || s.Words.Any(w => w.Head < 0))
            {
                skipped++;
                continue;
            }
            int n = s.Words.Count;
            var gh = new int[n + 1];
            var gl = new int[n + 1];
            var counts = new int[n + 2];
            gh[0] = -1;
            for (int j = 0; j < n; j++)
            {
                gh[j + 1] = s.Words[j].Head;
                gl[j + 1] = labelIndex[s.Words[j].DepRel];
                counts[s.Words[j].Head + 1]++;
            }
            var start = new int[n + 2];
            for (int h = 0; h <= n; h++)
                start[h + 1] = start[h] + counts[h + 1];
            var fill = (int[])start.Clone();
            var deps = new int[n];
            for (int j = 1; j <= n; j++)
                deps[fill[gh[j]]++] = j;
            sents.Add(new Sent
            {
                Words = s.Words.Select(w => w.Form).ToArray(),
                Tags = trainTags[i],
                Upos = trainUpos[i],
                GoldHead = gh,
                GoldLabel = gl,
                DepStart = start,
                Deps = deps,
            });
        }
        log?.WriteLine($"parser: {sents.Count} projective sentences, {skipped} skipped; {labels.Length} labels");

        int classes = 2 + 2 * labels.Length;
        var model = new AveragedPerceptron(classes);
        var st = new ParserState();
        var scores = new float[classes];
        var costs = new int[classes];
        var inStack = new bool[1024];
        var order = Enumerable.Range(0, sents.Count).ToArray();
        var rng = new SplitMix(Seed ^ 0x5041525345UL);
        for (int it = 0; it < Iterations; it++)
        {
            rng.Shuffle(order);
            long steps = 0, errors = 0;
            bool explore = it >= ExploreFrom;
            foreach (int si in order)
            {
                var s = sents[si];
                int n = s.Words.Length;
                if (inStack.Length < n + 2)
                    inStack = new bool[n * 2 + 2];
                st.Reset(n, labels.Length, shell.RootLabel);
                for (int j = 0; j < n; j++)
                {
                    st.Word[j + 1] = FeatureHash.LowerChars(s.Words[j]);
                    st.Tag[j + 1] = shell.TagHash(s.Tags[j]);
                    st.UTag[j + 1] = DependencyParser.UposHash(s.Upos[j]);
                }
                while (!st.Terminal)
                {
                    int nf = st.Features();
                    var feats = st.Feats.AsSpan(0, nf);
                    model.Score(feats, scores);
                    int min = Costs(st, s, costs, inStack);
                    int pred = DependencyParser.BestValid(st, scores);
                    int gold = -1;
                    float goldScore = float.NegativeInfinity;
                    for (int a = 0; a < classes; a++)
                    {
                        if (costs[a] == min && (gold < 0 || scores[a] > goldScore))
                        {
                            gold = a;
                            goldScore = scores[a];
                        }
                    }
                    steps++;
                    int next = pred;
                    if (costs[pred] > min)
                    {
                        errors++;
                        model.Update(feats, gold, pred);
                        if (!explore || rng.NextDouble() >= ExploreProbability)
                            next = gold;
                    }
                    model.Tick();
                    st.Apply(next);
                }
            }
            log?.WriteLine($"parser: iteration {it + 1}/{Iterations} oracle agreement {100.0 * (steps - errors) / Math.Max(1, steps):F2}%");
            if (DevEveryIteration && dev != null && it + 1 < Iterations)
            {
                var p = new DependencyParser(placeholder, labels, xposNames, model.Freeze(PruneThreshold));
                var (u, l) = Score(p, dev, DevTagger);
                log?.WriteLine($"parser:   dev uas {u:F2} las {l:F2}");
            }
        }
        if (dev != null)
        {
            foreach (float t in PruneSweep)
            {
                var p = new DependencyParser(placeholder, labels, xposNames, model.Freeze(t));
                var (u, l) = Score(p, dev, DevTagger);
                log?.WriteLine($"parser:   prune {t}: {p.Weights.Features} features, {p.Weights.Entries} weights, dev uas {u:F2} las {l:F2}");
            }
        }
        var parser = new DependencyParser(placeholder, labels, xposNames, model.Freeze(PruneThreshold));
        log?.WriteLine($"parser: {parser.Weights.Features} features, {parser.Weights.Entries} weights kept");
        return (parser, skipped);
    }

    /// <summary>Fills the cost of every action (int.MaxValue when invalid); returns the minimum.</summary>
    private static int Costs(ParserState st, Sent s, int[] costs, bool[] inStack)
    {
        Array.Fill(costs, int.MaxValue);
        for (int k = 0; k < st.Sp; k++)
            inStack[st.Stack[k]] = true;
        int b = st.B0, s0 = st.S0;
        var gh = s.GoldHead;
        var gl = s.GoldLabel;
        var head = st.Head;
        int min = int.MaxValue;

        // SHIFT: loses arcs between b and the stack.
        int c = 0;
        if (gh[b] >= 0 && inStack[gh[b]])
            c++;
        for (int e = s.DepStart[b]; e < s.DepStart[b + 1]; e++)
        {
            int d = s.Deps[e];
            if (inStack[d] && head[d] < 0)
                c++;
        }
        costs[ParserState.Shift] = c;
        min = c;

        if (st.IsValid(ParserState.Reduce))
        {
            c = DepsInBuffer(s, s0, b);
            costs[ParserState.Reduce] = c;
            min = Math.Min(min, c);
        }

        int labels = st.Labels;
        if (s0 != 0 && head[s0] < 0)
        {
            // LEFT: s0 gets head b, popped: loses its dependents in the buffer and a gold head beyond b.
            int cu = DepsInBuffer(s, s0, b);
            if (gh[s0] > b)
                cu++;
            for (int l = 0; l < labels; l++)
            {
                if (l == st.RootLabel)
                    continue;
                int cl = cu + (gh[s0] == b && gl[s0] != l ? 1 : 0);
                costs[2 + 2 * l] = cl;
                min = Math.Min(min, cl);
            }
        }

        {
            // RIGHT: b gets head s0 and is pushed: loses other heads of b and its headless dependents on the stack.
            int cu = 0;
            int h = gh[b];
            if (h != s0 && (h > b || (h >= 0 && inStack[h])))
                cu++;
            for (int e = s.DepStart[b]; e < s.DepStart[b + 1]; e++)
            {
                int d = s.Deps[e];
                if (inStack[d] && head[d] < 0)
                    cu++;
            }
            for (int l = 0; l < labels; l++)
            {
                int a = 3 + 2 * l;
                if (!st.IsValid(a))
                    continue;
                int cl = cu + (h == s0 && gl[b] != l ? 1 : 0);
                costs[a] = cl;
                min = Math.Min(min, cl);
            }
        }
        for (int k = 0; k < st.Sp; k++)
            inStack[st.Stack[k]] = false;
        return min;
    }

    private static int DepsInBuffer(Sent s, int h, int b)
    {
        int c = 0;
        for (int e = s.DepStart[h]; e < s.DepStart[h + 1]; e++)
            if (s.Deps[e] >= b)
                c++;
        return c;
    }

    /// <summary>XPOS ids per training sentence: jackknifed predictions, or gold when folds &lt; 2.</summary>
    private (int[][] Xpos, UPos[][] Upos) TrainingTags(IReadOnlyList<ConlluSentence> train, string[] xposNames, TextWriter? log)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < xposNames.Length; i++)
            index[xposNames[i]] = i;
        var result = new int[train.Count][];
        for (int i = 0; i < train.Count; i++)
            result[i] = train[i].Words.Select(w => index[w.Xpos]).ToArray();
        var upos = new UPos[train.Count][];
        for (int i = 0; i < train.Count; i++)
            upos[i] = train[i].Words.Select(w => UPosNames.Parse(w.Upos)).ToArray();
        if (JackknifeFolds < 2)
            return (result, upos);
        long correct = 0, total = 0;
        for (int fold = 0; fold < JackknifeFolds; fold++)
        {
            var rest = new List<ConlluSentence>();
            for (int i = 0; i < train.Count; i++)
                if (i % JackknifeFolds != fold)
                    rest.Add(train[i]);
            var trainer = new TaggerTrainer { Iterations = TaggerIterations, Seed = Seed + (ulong)fold };
            var tagger = trainer.Build(rest, null, null).Tagger;
            var up = new UPos[1024];
            var xp = new int[1024];
            for (int i = fold; i < train.Count; i += JackknifeFolds)
            {
                var words = train[i].Words.Select(w => w.Form).ToArray();
                if (up.Length < words.Length)
                {
                    up = new UPos[words.Length * 2];
                    xp = new int[words.Length * 2];
                }
                tagger.Tag(words, up, xp);
                for (int j = 0; j < words.Length; j++)
                {
                    int id = index.GetValueOrDefault(tagger.XposName(xp[j]), -1);
                    if (id == result[i][j])
                        correct++;
                    total++;
                    result[i][j] = id;
                    upos[i][j] = up[j];
                }
            }
            log?.WriteLine($"parser: jackknife fold {fold + 1}/{JackknifeFolds} tagged");
        }
        log?.WriteLine($"parser: jackknifed XPOS accuracy on train {100.0 * correct / Math.Max(1, total):F2}");
        return (result, upos);
    }

    /// <summary>UAS and LAS (universal relation part) over all words of <paramref name="gold"/>, tagging with
    /// <paramref name="tagger"/> or using gold tags when it is null.</summary>
    internal static (double Uas, double Las) Score(DependencyParser parser, IReadOnlyList<ConlluSentence> gold, Tagger? tagger)
    {
        var xposIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < parser.XposNames.Count; i++)
            xposIndex[parser.XposNames[i]] = i;
        long n = 0, u = 0, l = 0;
        foreach (var s in gold)
        {
            int len = s.Words.Count;
            var words = s.Words.Select(w => w.Form).ToArray();
            var up = new UPos[len];
            var xp = new int[len];
            if (tagger != null)
                tagger.Tag(words, up, xp);
            else
            {
                for (int j = 0; j < len; j++)
                {
                    up[j] = UPosNames.Parse(s.Words[j].Upos);
                    xp[j] = xposIndex.GetValueOrDefault(s.Words[j].Xpos, -1);
                }
            }
            var heads = new int[len];
            var rels = new DepRel[len];
            parser.Parse(words, up, xp, heads, rels);
            for (int j = 0; j < len; j++)
            {
                n++;
                if (heads[j] != s.Words[j].Head)
                    continue;
                u++;
                if (DepRels.Universal(rels[j]) == DepRels.Universal(DepRels.Parse(s.Words[j].DepRel)))
                    l++;
            }
        }
        return (100.0 * u / Math.Max(1, n), 100.0 * l / Math.Max(1, n));
    }
}

/// <summary>Dev-set scores and file size of a trained parser.</summary>
public sealed record ParserTrainingResult(double DevUas, double DevLas, long ModelBytes);
