using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Dyad.Reading.Web;

namespace Dyad.Evaluation;

/// <summary>The scores of one run of <see cref="ExtractionEvaluation"/>.</summary>
/// <param name="Precision">Mean per-page shingle precision.</param>
/// <param name="Recall">Mean per-page shingle recall.</param>
/// <param name="F1">Harmonic mean of the averaged precision and recall, as the benchmark computes it.</param>
/// <param name="Pages">Pages scored.</param>
/// <param name="PagesPerSecond">Extraction speed (decoding, parsing, extraction) on one thread, by the wall clock.</param>
/// <param name="PagesPerCpuSecond">The same by the process's CPU time, which a busy machine distorts less.</param>
/// <param name="PageScores">Per-page results, worst F1 first.</param>
public sealed record ExtractionScore(double Precision, double Recall, double F1, int Pages, double PagesPerSecond, double PagesPerCpuSecond, IReadOnlyList<PageExtractionScore> PageScores);

/// <summary>The score of one page.</summary>
public sealed record PageExtractionScore(string Id, string Url, double Precision, double Recall, double F1);

/// <summary>
/// Scores <see cref="HtmlArticleExtractor"/> on the Scrapinghub article extraction benchmark (181 pages with gold
/// article bodies) with the benchmark's own metric: texts are split into <c>\w+</c> tokens, compared as bags of
/// 4-token shingles; per page the true/false positive/negative counts are normalised to sum to 1; precision and
/// recall are averaged over pages and F1 is the harmonic mean of those averages.
/// </summary>
public static class ExtractionEvaluation
{
    private const int ShingleSize = 4;

    /// <summary>
    /// Extracts every page under <paramref name="benchmarkDirectory"/> (ground-truth.json and html/*.html.gz), writes
    /// the <paramref name="worst"/> lowest-scoring pages and ends with the line
    /// <c>extraction: precision P recall R f1 F pages N</c>.
    /// </summary>
    public static ExtractionScore Run(string benchmarkDirectory, TextWriter output, int worst = 10, HtmlArticleExtractor? extractor = null)
    {
        extractor ??= HtmlArticleExtractor.Default;
        string truthPath = Path.Combine(benchmarkDirectory, "ground-truth.json");
        if (!File.Exists(truthPath)) throw new FileNotFoundException("The benchmark has no ground-truth.json.", truthPath);
        var gold = new List<(string Id, string Url, string Body)>();
        using (var json = JsonDocument.Parse(File.ReadAllBytes(truthPath)))
        {
            foreach (var page in json.RootElement.EnumerateObject())
            {
                string body = page.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? string.Empty : string.Empty;
                string url = page.Value.TryGetProperty("url", out var u) ? u.GetString() ?? string.Empty : string.Empty;
                gold.Add((page.Name, url, body));
            }
        }

        // Load (and gunzip) first so the timing covers decoding, parsing and extraction only.
        var pages = new List<(string Id, string Url, string Body, byte[] Html)>(gold.Count);
        foreach (var (id, url, body) in gold)
        {
            string path = Path.Combine(benchmarkDirectory, "html", id + ".html.gz");
            if (!File.Exists(path)) continue;
            using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            pages.Add((id, url, body, ms.ToArray()));
        }

        // Warm up (JIT tiers, caches) with one untimed pass over every page so the timing shows steady-state throughput.
        for (int i = 0; i < pages.Count; i++) extractor.TryExtract(pages[i].Html, null, pages[i].Url, out _, out _);

        var texts = new string[pages.Count];
        var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < pages.Count; i++)
        {
            extractor.TryExtract(pages[i].Html, null, pages[i].Url, out var article, out _);
            texts[i] = article.Text;
        }
        clock.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        double pagesPerSecond = pages.Count / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
        double pagesPerCpuSecond = pages.Count / Math.Max(1e-9, cpuSeconds);

        var scores = new List<PageExtractionScore>(pages.Count);
        double pSum = 0, rSum = 0;
        int pN = 0, rN = 0;
        for (int i = 0; i < pages.Count; i++)
        {
            var (tp, fp, fn) = ShingleMatch(pages[i].Body, texts[i]);
            double p = PrecisionScore(tp, fp, fn), r = RecallScore(tp, fp, fn);
            if (tp + fp > 0)
            {
                pSum += p;
                pN++;
            }
            if (tp + fn > 0)
            {
                rSum += r;
                rN++;
            }
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            scores.Add(new PageExtractionScore(pages[i].Id, pages[i].Url, p, r, f));
        }
        double precision = pN == 0 ? 0 : pSum / pN;
        double recall = rN == 0 ? 0 : rSum / rN;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        scores.Sort((a, b) => a.F1.CompareTo(b.F1));

        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < Math.Min(worst, scores.Count); i++)
        {
            var s = scores[i];
            output.WriteLine(string.Format(inv, "worst: f1 {0:0.000} precision {1:0.000} recall {2:0.000} {3} {4}", s.F1, s.Precision, s.Recall, s.Id[..12], s.Url));
        }
        output.WriteLine(string.Format(inv, "speed: {0:0.0} pages/s wall clock ({1:0} ms for {2} pages on one thread, after an untimed warm-up pass); {3:0.0} pages per CPU second", pagesPerSecond, clock.Elapsed.TotalMilliseconds, pages.Count, pagesPerCpuSecond));
        output.WriteLine(string.Format(inv, "extraction: precision {0:0.000} recall {1:0.000} f1 {2:0.000} pages {3}", precision, recall, f1, pages.Count));
        return new ExtractionScore(precision, recall, f1, pages.Count, pagesPerSecond, pagesPerCpuSecond, scores);
    }

    /// <summary>True/false positive and false negative shares of 4-token shingles, normalised to sum to 1.</summary>
    public static (double Tp, double Fp, double Fn) ShingleMatch(string gold, string predicted)
    {
        var truth = Shingles(gold);
        var pred = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, t) in truth)
        {
            int p = pred.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fn += Math.Max(0, t - p);
        }
        foreach (var (key, p) in pred)
        {
            int t = truth.GetValueOrDefault(key);
            fp += Math.Max(0, p - t);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? (tp / sum, fp / sum, fn / sum) : (0, 0, 0);
    }

    private static double PrecisionScore(double tp, double fp, double fn)
    {
        if (fp == 0 && fn == 0) return 1;
        if (tp == 0 && fp == 0) return 0;
        return tp / (tp + fp);
    }

    private static double RecallScore(double tp, double fp, double fn)
    {
        if (fp == 0 && fn == 0) return 1;
        if (tp == 0 && fn == 0) return 0;
        return tp / (tp + fn);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return result;
        int count = Math.Max(1, tokens.Count - ShingleSize + 1);
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            for (int j = i; j < Math.Min(tokens.Count, i + ShingleSize); j++)
            {
                if (j > i) sb.Append('\u0001');
                sb.Append(tokens[j]);
            }
            string key = sb.ToString();
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    /// <summary>Splits like Python's <c>re.findall(r'\w+', text)</c>: runs of letters, digits and underscores.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWord(text, i)) i++;
            int start = i;
            while (i < text.Length && IsWord(text, i)) i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            if (i > start) tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static bool IsWord(string s, int i)
    {
        char c = s[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        var cat = char.IsHighSurrogate(c) && i + 1 < s.Length ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1])) : CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
