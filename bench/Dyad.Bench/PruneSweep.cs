using System.Globalization;
using Dyad.Evaluation;
using Dyad.Syntax;

namespace Dyad.Bench;

/// <summary>Experiment: prune the shipped models' weights further (post hoc) and score them on a CoNLL-U file.</summary>
internal static class PruneSweep
{
    public static void Run(string conllu, float[] tagger, float[] parser)
    {
        var m = SyntaxModels.LoadDefault();
        var ci = CultureInfo.InvariantCulture;
        foreach (float tt in tagger)
        {
            foreach (float pt in parser)
            {
                var t = m.Tagger;
                var w1 = Prune(t.Weights, tt);
                var w2 = t.Weights2 is null ? null : Prune(t.Weights2, tt);
                var nt = new Tagger(t.Info, t.ClassUpos, t.ClassXpos, t.XposNames.ToArray(), w1, w2, t.Lexicon, t.Lemmatizer);
                var p = m.Parser;
                var np = new DependencyParser(p.Info, p.LabelNames.ToArray(), p.XposNames.ToArray(), Prune(p.Weights, pt));
                var s = UdEvaluation.Evaluate(new SyntaxModels(nt, np), conllu, TextWriter.Null);
                Console.WriteLine(string.Create(ci,
                    $"prune tagger {tt} ({w1.Features}+{w2?.Features} feats, {w1.Entries}+{w2?.Entries} entries) parser {pt} ({np.Weights.Features} feats, {np.Weights.Entries} entries): {s}"));
            }
        }
    }

    internal static FeatureWeights Prune(FeatureWeights w, float threshold)
    {
        var keys = new List<uint>();
        var rows = new List<int> { 0 };
        var cls = new List<byte>();
        var ws = new List<float>();
        foreach (var (key, entries) in w.Rows())
        {
            int before = cls.Count;
            foreach (var (c, v) in entries)
            {
                if (Math.Abs(v) < threshold) continue;
                cls.Add(c);
                ws.Add(v);
            }
            if (cls.Count == before) continue;
            keys.Add(key);
            rows.Add(cls.Count);
        }
        return new FeatureWeights(w.Classes, keys.ToArray(), rows.ToArray(), cls.ToArray(), ws.ToArray());
    }
}

/// <summary>Writes the shipped models pruned at higher thresholds, with the metadata updated.</summary>
internal static class PruneWrite
{
    public static void Run(float taggerThreshold, float parserThreshold, string outDir)
    {
        var m = SyntaxModels.LoadDefault();
        var ci = CultureInfo.InvariantCulture;
        Directory.CreateDirectory(outDir);
        var t = m.Tagger;
        var w1 = PruneSweep.Prune(t.Weights, taggerThreshold);
        var w2 = t.Weights2 is null ? null : PruneSweep.Prune(t.Weights2, taggerThreshold);
        var tmeta = Update(t.Info, taggerThreshold, $"{w1.Features} features, {w1.Entries} entries");
        using (var f = File.Create(Path.Combine(outDir, "tagger-en.bin")))
            Tagger.Save(f, tmeta, t.ClassUpos, t.ClassXpos, t.XposNames.ToArray(), w1, w2, t.Lexicon, t.Lemmatizer);
        var p = m.Parser;
        var pw = PruneSweep.Prune(p.Weights, parserThreshold);
        var pmeta = Update(p.Info, parserThreshold, $"{pw.Features} features, {pw.Entries} entries");
        using (var f = File.Create(Path.Combine(outDir, "parser-en.bin")))
            DependencyParser.Save(f, pmeta, p.LabelNames.ToArray(), p.XposNames.ToArray(), pw);
        foreach (var kv in tmeta) Console.WriteLine($"tagger {kv.Key}: {kv.Value}");
        foreach (var kv in pmeta) Console.WriteLine($"parser {kv.Key}: {kv.Value}");

        static List<KeyValuePair<string, string>> Update(ModelInfo info, float threshold, string weights)
        {
            var list = new List<KeyValuePair<string, string>>();
            foreach (var kv in info.Metadata)
            {
                if (kv.Key == "prune-threshold")
                    list.Add(new(kv.Key, threshold.ToString("R", CultureInfo.InvariantCulture)));
                else if (kv.Key == "weights")
                    list.Add(new(kv.Key, weights));
                else
                    list.Add(kv);
            }
            return list;
        }
    }
}

/// <summary>Row length histogram of the models' weight tables.</summary>
internal static class RowHistogram
{
    public static void Run(string? modelDir)
    {
        var m = modelDir is null ? SyntaxModels.LoadDefault()
            : SyntaxModels.Load(Path.Combine(modelDir, "tagger-en.bin"), Path.Combine(modelDir, "parser-en.bin"));
        foreach (var (name, w) in new[] { ("tagger1", m.Tagger.Weights), ("tagger2", m.Tagger.Weights2!), ("parser", m.Parser.Weights) })
        {
            int[] bounds = [1, 2, 3, 4, 8, 16, 24, 32, 48, 64, 128, 256];
            var rows = new long[bounds.Length];
            var ents = new long[bounds.Length];
            foreach (var (_, e) in w.Rows())
            {
                int b = 0;
                while (e.Length > bounds[b]) b++;
                rows[b]++;
                ents[b] += e.Length;
            }
            Console.WriteLine($"{name}: classes {w.Classes}, rows {w.Features}, entries {w.Entries}");
            for (int b = 0; b < bounds.Length; b++)
                if (rows[b] > 0) Console.WriteLine($"  len <= {bounds[b],3}: rows {rows[b],8} entries {ents[b],9}");
        }
    }
}
