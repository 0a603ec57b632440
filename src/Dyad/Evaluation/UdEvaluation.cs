using System.Diagnostics;
using System.Globalization;
using Dyad.Syntax;

namespace Dyad.Evaluation;

/// <summary>Scores of <see cref="UdEvaluation"/> (percentages over syntactic words, CoNLL 2018 style).</summary>
public sealed record UdScores(int Sentences, int Words, double Upos, double Xpos, double Lemma, double Uas, double Las,
    double TokensPerSecond);

/// <summary>
/// Tags and parses gold CoNLL-U sentences from their gold tokens and scores them like the CoNLL 2018 shared task
/// evaluator with gold tokenization: UPOS/XPOS/lemma accuracy, UAS, and LAS comparing only the universal part of the
/// relation (before ':'), all over words (multiword-token lines and empty nodes ignored). Speed is tagging plus parsing
/// on one thread, excluding file loading and an untimed warm-up over the first 200 sentences. The last line written is
/// <c>ud: upos X uas Y las Z tokens/s N</c>.
/// </summary>
public static class UdEvaluation
{
    private const int WarmupSentences = 200;

    /// <summary>Evaluates the models on a CoNLL-U file; optionally writes the predictions as CoNLL-U.</summary>
    public static UdScores Evaluate(SyntaxModels models, string goldPath, TextWriter report, TextWriter? predictions = null)
    {
        var gold = Conllu.ReadFile(goldPath);
        report.WriteLine($"gold: {Path.GetFileName(goldPath)}");
        return Evaluate(models, gold, report, predictions);
    }

    /// <summary>Evaluates the models on gold sentences (which are not modified).</summary>
    public static UdScores Evaluate(SyntaxModels models, IReadOnlyList<ConlluSentence> gold, TextWriter report,
        TextWriter? predictions = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        int count = gold.Count;
        var words = new string[count][];
        var upos = new UPos[count][];
        var xpos = new int[count][];
        var heads = new int[count][];
        var rels = new DepRel[count][];
        int total = 0;
        for (int s = 0; s < count; s++)
        {
            int n = gold[s].Words.Count;
            var ws = new string[n];
            for (int i = 0; i < n; i++)
                ws[i] = gold[s].Words[i].Form;
            words[s] = ws;
            upos[s] = new UPos[n];
            xpos[s] = new int[n];
            heads[s] = new int[n];
            rels[s] = new DepRel[n];
            total += n;
        }

        var tagger = models.Tagger;
        var parser = models.Parser;
        // Warm-up (untimed) so the measurement reflects steady-state throughput rather than JIT compilation.
        for (int s = 0; s < Math.Min(count, WarmupSentences); s++)
        {
            tagger.Tag(words[s], upos[s], xpos[s]);
            parser.Parse(words[s], upos[s], xpos[s], heads[s], rels[s]);
        }
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int s = 0; s < count; s++)
        {
            tagger.Tag(words[s], upos[s], xpos[s]);
            parser.Parse(words[s], upos[s], xpos[s], heads[s], rels[s]);
        }
        sw.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        double tps = total / Math.Max(1e-9, sw.Elapsed.TotalSeconds);
        double cpuTps = total / Math.Max(1e-9, cpuSeconds);

        long u = 0, x = 0, lem = 0, ua = 0, la = 0;
        for (int s = 0; s < count; s++)
        {
            var gs = gold[s].Words;
            for (int i = 0; i < gs.Count; i++)
            {
                var g = gs[i];
                if (UPosNames.Name(upos[s][i]) == g.Upos)
                    u++;
                string xp = tagger.XposName(xpos[s][i]);
                if (xp == g.Xpos)
                    x++;
                if (models.Lemmatizer.Lemmatize(words[s][i], upos[s][i], xp) == g.Lemma)
                    lem++;
                if (heads[s][i] == g.Head)
                {
                    ua++;
                    if (DepRels.Universal(rels[s][i]) == DepRels.Universal(DepRels.Parse(g.DepRel)))
                        la++;
                }
            }
        }
        double P(long c) => 100.0 * c / Math.Max(1, total);
        var scores = new UdScores(count, total, P(u), P(x), P(lem), P(ua), P(la), tps);

        if (predictions != null)
            WritePredictions(models, gold, upos, xpos, heads, rels, predictions);

        var ci = CultureInfo.InvariantCulture;
        report.WriteLine(string.Create(ci, $"sentences {count} words {total}"));
        report.WriteLine(string.Create(ci, $"UPOS   {scores.Upos,6:F2}"));
        report.WriteLine(string.Create(ci, $"XPOS   {scores.Xpos,6:F2}"));
        report.WriteLine(string.Create(ci, $"Lemmas {scores.Lemma,6:F2}"));
        report.WriteLine(string.Create(ci, $"UAS    {scores.Uas,6:F2}"));
        report.WriteLine(string.Create(ci, $"LAS    {scores.Las,6:F2}"));
        // Process CPU time shows the cost of the work itself when other programs share the cores.
        report.WriteLine(string.Create(ci, $"speed  {tps:F0} tokens/s wall clock, {cpuTps:F0} tokens/s of process CPU time"));
        report.WriteLine(string.Create(ci, $"ud: upos {scores.Upos:F2} uas {scores.Uas:F2} las {scores.Las:F2} tokens/s {tps:F0}"));
        return scores;
    }

    private static void WritePredictions(SyntaxModels models, IReadOnlyList<ConlluSentence> gold, UPos[][] upos,
        int[][] xpos, int[][] heads, DepRel[][] rels, TextWriter output)
    {
        var predicted = new List<ConlluSentence>(gold.Count);
        for (int s = 0; s < gold.Count; s++)
        {
            var g = gold[s];
            var p = new ConlluSentence();
            p.Comments.AddRange(g.Comments);
            p.OtherLines.AddRange(g.OtherLines);
            for (int i = 0; i < g.Words.Count; i++)
            {
                var gw = g.Words[i];
                string xp = models.Tagger.XposName(xpos[s][i]);
                p.Words.Add(new ConlluWord
                {
                    Id = gw.Id,
                    Form = gw.Form,
                    Lemma = models.Lemmatizer.Lemmatize(gw.Form, upos[s][i], xp),
                    Upos = UPosNames.Name(upos[s][i]),
                    Xpos = xp,
                    Head = heads[s][i],
                    DepRel = DepRels.Name(rels[s][i]),
                    Misc = gw.Misc,
                });
            }
            predicted.Add(p);
        }
        Conllu.Write(output, predicted);
    }
}
