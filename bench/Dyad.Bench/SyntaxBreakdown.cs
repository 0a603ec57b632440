using System.Diagnostics;
using System.Globalization;
using Dyad.Reading;
using Dyad.Syntax;

namespace Dyad.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Dyad.Bench -- breakdown PATH [rounds [MODELDIR]]</c>: codes PATH once with the
/// default pipeline, keeps the sentences the syntax stage parsed (those that can yield an event), then times tagging,
/// lemmatizing and parsing them separately on one thread (Stopwatch and process CPU time, best of several rounds).
/// A quick profile of where the syntax stage's time goes, without BenchmarkDotNet's minutes of runs.
/// </summary>
internal static class SyntaxBreakdown
{
    public static void Run(string path, int rounds, string? modelDir = null)
    {
        var sentences = new List<string[]>();
        var pipeline = DyadEngine.Default;
        // A CoNLL-U file gives its sentences as they are (all of them, gold tokens).
        if (path.EndsWith(".conllu", StringComparison.Ordinal))
            foreach (var cs in Conllu.ReadFile(path))
                sentences.Add(cs.Words.Select(w => w.Form).ToArray());
        else foreach (var r in new InputReader().Read([path], new DateOnly(2005, 1, 1)))
        {
            if (r.Article is null) continue;
            var doc = pipeline.Process(r.Article);
            if (doc.Syntax is not { } layer) continue;
            foreach (var s in doc.Sentences)
                if (s.TokenCount > 0 && layer.Parsed[s.FirstToken])
                    sentences.Add(doc.Words(s.FirstToken, s.TokenCount).ToArray());
        }
        long tokens = 0;
        int max = 0;
        foreach (var s in sentences)
        {
            tokens += s.Length;
            max = Math.Max(max, s.Length);
        }
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"breakdown: {sentences.Count} parsed sentences, {tokens} tokens, mean length {tokens / (double)Math.Max(1, sentences.Count):F1}"));
        var m = modelDir is null ? SyntaxModels.LoadDefault()
            : SyntaxModels.Load(Path.Combine(modelDir, "tagger-en.bin"), Path.Combine(modelDir, "parser-en.bin"));
        var upos = new UPos[sentences.Count][];
        var xpos = new int[sentences.Count][];
        for (int i = 0; i < sentences.Count; i++)
        {
            upos[i] = new UPos[sentences[i].Length];
            xpos[i] = new int[sentences[i].Length];
        }
        var lemmas = new string[max];
        var heads = new int[max];
        var rels = new DepRel[max];
        var proc = Process.GetCurrentProcess();
        // Each stage runs over all sentences in its own loop, timed by the wall clock and by process CPU time (less
        // sensitive to other load on a shared machine); best of the rounds after a warm-up round.
        var best = new (double Wall, double Cpu)[3];
        Array.Fill(best, (double.MaxValue, double.MaxValue));
        for (int round = 0; round < rounds + 1; round++)
        {
            for (int stage = 0; stage < 3; stage++)
            {
                proc.Refresh();
                var cpu0 = proc.TotalProcessorTime;
                long t0 = Stopwatch.GetTimestamp();
                for (int k = 0; k < sentences.Count; k++)
                {
                    var s = sentences[k];
                    if (stage == 0)
                        m.Tagger.Tag(s, upos[k], xpos[k]);
                    else if (stage == 1)
                        for (int i = 0; i < s.Length; i++)
                            lemmas[i] = m.Lemmatizer.Lemmatize(s[i], upos[k][i], m.Tagger.XposName(xpos[k][i]));
                    else
                        m.Parser.Parse(s, upos[k], xpos[k], heads, rels);
                }
                double wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                proc.Refresh();
                double cpuSec = (proc.TotalProcessorTime - cpu0).TotalSeconds;
                if (round > 0)
                    best[stage] = (Math.Min(best[stage].Wall, wall), Math.Min(best[stage].Cpu, cpuSec));
            }
        }
        double total = best[0].Wall + best[1].Wall + best[2].Wall;
        double totalCpu = best[0].Cpu + best[1].Cpu + best[2].Cpu;
        Console.WriteLine(string.Create(ci,
            $"breakdown: wall tag {best[0].Wall:F3} lemmatize {best[1].Wall:F3} parse {best[2].Wall:F3} total {total:F3} s; cpu tag {best[0].Cpu:F3} lemmatize {best[1].Cpu:F3} parse {best[2].Cpu:F3} total {totalCpu:F3} s (best of {rounds}); {sentences.Count / totalCpu:F0} sentences per CPU second"));
    }
}
