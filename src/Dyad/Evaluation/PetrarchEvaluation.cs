using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Interop.Petrarch;
using Dyad.Pipeline;

namespace Dyad.Evaluation;

/// <summary>One validation record: its text, date, category and the events it expects (empty when it expects none).</summary>
public sealed record PetrarchRecord(string Id, string Category, DateOnly Date, string Text, bool Evaluate,
    IReadOnlyList<(string Source, string Target, string Code)> Expected)
{
    /// <summary>
    /// The record tests PETRARCH's handling of a malformed ready-made parse (<c>&lt;EventCoding error="bad_input_parse"&gt;</c>); other errors (discards, datelines) expect no event.
    /// Dyad parses the text itself, so such records are listed apart and not counted in the totals.
    /// </summary>
    public bool ParseErrorTest { get; init; }

    /// <summary>
    /// PETRARCH's <c>require_dyad</c> for this record: the records file switches it with
    /// <c>&lt;Config option="require_dyad" value="false"&gt;</c> between records (on unless switched off).
    /// </summary>
    public bool RequireDyad { get; init; } = true;
}

/// <summary>Totals of one category (or of a whole file).</summary>
public sealed record PetrarchScore(string Category, int Records, int Expected, int Found, int Produced, int Spurious)
{
    public double FoundPercent => Expected == 0 ? 0 : 100.0 * Found / Expected;
    public double SpuriousPercent => Produced == 0 ? 0 : 100.0 * Spurious / Produced;
}

/// <summary>
/// Runs the PETRARCH / UniversalPetrarch validation records: codes each record's <c>&lt;Text&gt;</c> with Dyad's own
/// tokenizer, parser and coder (the records' ready-made parses are never read) and compares the (source, target, event)
/// triples with the record's <c>&lt;EventCoding&gt;</c> lines; <c>noevents="True"</c> expects nothing. Records marked
/// <c>evaluate="false"</c> are skipped. found = expected events produced / expected; spurious = produced events not
/// expected / produced. The last line written is <c>petrarch: found X% spurious Y% records N</c>.
/// </summary>
public static class PetrarchEvaluation
{
    private static readonly Regex Comment = new("<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex SentenceTag = new("<Sentence\\s([^>]*)>", RegexOptions.CultureInvariant);
    private static readonly Regex Attr = new("(\\w+)\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant);
    private static readonly Regex Coding = new("<EventCoding\\s([^>]*)>", RegexOptions.CultureInvariant);
    private static readonly Regex TextElement = new("<Text>(.*?)</Text>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex ConfigTag = new("<Config\\s([^>]*)>", RegexOptions.CultureInvariant);
    private static readonly Regex EnvFile = new("<(Verbfile|Actorfile|Agentfile|Discardfile)>(.*?)</\\1>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>Reads the records of a validation file (tolerates self-closing <c>&lt;Sentence/&gt;</c> tags).</summary>
    public static List<PetrarchRecord> ReadRecords(string path) => ParseRecords(File.ReadAllText(path));

    public static List<PetrarchRecord> ParseRecords(string xml)
    {
        xml = Comment.Replace(xml, "");
        var records = new List<PetrarchRecord>();
        var tags = SentenceTag.Matches(xml);
        var configs = ConfigTag.Matches(xml);
        int nextConfig = 0;
        bool requireDyad = true;
        for (int i = 0; i < tags.Count; i++)
        {
            // <Config> switches between records apply to the records after them, in file order
            for (; nextConfig < configs.Count && configs[nextConfig].Index < tags[i].Index; nextConfig++)
            {
                var c = Attributes(configs[nextConfig].Groups[1].Value);
                if (c.GetValueOrDefault("option", "").Equals("require_dyad", StringComparison.OrdinalIgnoreCase))
                    requireDyad = !c.GetValueOrDefault("value", "true").Equals("false", StringComparison.OrdinalIgnoreCase);
            }
            int start = tags[i].Index + tags[i].Length;
            int end = i + 1 < tags.Count ? tags[i + 1].Index : xml.Length;
            var chunk = xml.AsSpan(start, end - start).ToString();
            var attrs = Attributes(tags[i].Groups[1].Value);
            var text = TextElement.Match(chunk);
            if (!text.Success) continue;
            var expected = new List<(string, string, string)>();
            bool parseError = false;
            foreach (Match c in Coding.Matches(chunk))
            {
                var a = Attributes(c.Groups[1].Value);
                if (a.TryGetValue("error", out var err) && err == "bad_input_parse") parseError = true;
                if (a.TryGetValue("noevents", out var ne) && ne.Equals("true", StringComparison.OrdinalIgnoreCase)) continue;
                if (!a.TryGetValue("eventcode", out var code)) continue;
                expected.Add((a.GetValueOrDefault("sourcecode", ""), a.GetValueOrDefault("targetcode", ""), code));
            }
            var date = DateOnly.TryParseExact(attrs.GetValueOrDefault("date", ""), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : new DateOnly(2000, 1, 1);
            bool evaluate = !attrs.TryGetValue("evaluate", out var ev) || !ev.Equals("false", StringComparison.OrdinalIgnoreCase);
            var body = string.Join(' ', System.Net.WebUtility.HtmlDecode(text.Groups[1].Value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            records.Add(new PetrarchRecord(attrs.GetValueOrDefault("id", $"#{i + 1}"), attrs.GetValueOrDefault("category", "NONE"), date, body,
                evaluate, expected) { ParseErrorTest = parseError, RequireDyad = requireDyad });
        }
        return records;
    }

    private static Dictionary<string, string> Attributes(string s)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Attr.Matches(s)) d[m.Groups[1].Value] = m.Groups[2].Value;
        return d;
    }

    /// <summary>
    /// Codes the records of <paramref name="recordsPath"/> and writes per-category and total scores. With
    /// <paramref name="dictionariesDir"/>, the PETRARCH dictionaries the file's <c>&lt;Environment&gt;</c> names (or the
    /// set found in that folder) are used; without, Dyad's own knowledge base and patterns.
    /// </summary>
    public static PetrarchScore Run(string recordsPath, string? dictionariesDir, TextWriter output, bool verbose)
    {
        var xml = File.ReadAllText(recordsPath);
        var records = ParseRecords(xml);
        DyadPipeline pipeline;
        if (dictionariesDir is null)
        {
            pipeline = DyadEngine.Default;
            output.WriteLine($"records: {Path.GetFileName(recordsPath)}; dictionaries: Dyad's own knowledge base and patterns");
        }
        else
        {
            var dicts = LoadNamed(xml, dictionariesDir, out string what);
            // UniversalPetrarch's records keep a phrase's several codes joined ("FRO/BIL/SAM"); PETRARCH's split them.
            // UniversalPetrarch also matches pattern words by lemma, PETRARCH-2 only as written.
            bool joined = records.Exists(r => r.Expected.Any(e => e.Source.Contains('/') || e.Target.Contains('/')));
            var options = joined ? Dyad.Coding.EventCoderOptions.Petrarch with { SplitCodes = false, ExactPatternWords = false } : Dyad.Coding.EventCoderOptions.Petrarch;
            pipeline = dicts.CreateBuilder(options).Build();
            output.WriteLine($"records: {Path.GetFileName(recordsPath)}; dictionaries: {what} ({dicts.VerbInfo.Patterns.Count} verb patterns, {dicts.Actors.Count} actors, {dicts.Agents.Count} agent phrases)");
            if (!joined && records.Exists(r => !r.RequireDyad))
            {
                // records after <Config option="require_dyad" value="false"> are coded as PETRARCH then codes them
                // (UniversalPetrarch's records expect no null-actor events there: it does not read the switch)
                var noDyad = dicts.CreateBuilder(options with { RequireDyad = false }).Build();
                var dyad = pipeline;
                return Score(records, r => r.RequireDyad ? dyad : noDyad, output, verbose);
            }
        }
        return Score(records, pipeline, output, verbose);
    }

    /// <summary>Scores records with a pipeline; writes the table and the <c>petrarch:</c> line.</summary>
    public static PetrarchScore Score(IReadOnlyList<PetrarchRecord> records, DyadPipeline pipeline, TextWriter output, bool verbose) =>
        Score(records, _ => pipeline, output, verbose);

    /// <summary>Scores records, each with the pipeline <paramref name="pipelineFor"/> gives it (per-record PETRARCH settings).</summary>
    public static PetrarchScore Score(IReadOnlyList<PetrarchRecord> records, Func<PetrarchRecord, DyadPipeline> pipelineFor, TextWriter output, bool verbose)
    {
        var byCategory = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var total = new int[5];
        int notApplicable = 0;
        foreach (var r in records)
        {
            if (!r.Evaluate) continue;
            if (r.ParseErrorTest)
            {
                notApplicable++;
                if (verbose) output.WriteLine($"{r.Id} [{r.Category}] not scored: tests a malformed ready-made parse, which Dyad does not read");
                continue;
            }
            var doc = pipelineFor(r).Process(new Article(null, r.Text, r.Date), trace: verbose);
            var produced = new List<(string, string, string)>();
            foreach (var e in doc.Events)
            {
                var t = (PetrarchCode(e.Source), PetrarchCode(e.Target), e.Cameo);
                if (!produced.Contains(t)) produced.Add(t);
            }
            var remaining = new List<(string, string, string)>(r.Expected);
            int found = 0, spurious = 0;
            foreach (var p in produced)
            {
                int at = remaining.IndexOf(p);
                if (at >= 0) { remaining.RemoveAt(at); found++; }
                else spurious++;
            }
            if (!byCategory.TryGetValue(r.Category, out var c)) byCategory[r.Category] = c = new int[5];
            foreach (var acc in new[] { c, total })
            {
                acc[0]++;
                acc[1] += r.Expected.Count;
                acc[2] += found;
                acc[3] += produced.Count;
                acc[4] += spurious;
            }
            if (verbose && (remaining.Count > 0 || spurious > 0))
            {
                output.WriteLine($"{r.Id} [{r.Category}] {r.Text}");
                foreach (var m in remaining) output.WriteLine($"    missed   {m.Item1} {m.Item2} {m.Item3}");
                foreach (var p in produced)
                    if (!r.Expected.Contains(p)) output.WriteLine($"    spurious {p.Item1} {p.Item2} {p.Item3}");
                foreach (var (sent, comp, msg) in doc.Trace)
                    if (comp == "coder" || comp == "actors") output.WriteLine($"      . {comp}: {msg}");
            }
        }
        output.WriteLine($"{"category",-10} {"records",7} {"expected",8} {"found",6} {"found%",7} {"produced",8} {"spurious",8} {"spur%",6}");
        foreach (var (cat, c) in byCategory) WriteRow(output, cat, c);
        WriteRow(output, "ALL", total);
        if (notApplicable > 0) output.WriteLine($"not scored: {notApplicable} record(s) testing malformed ready-made parses (Dyad parses the text itself)");
        var score = new PetrarchScore("ALL", total[0], total[1], total[2], total[3], total[4]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"petrarch: found {score.FoundPercent:0.0}% spurious {score.SpuriousPercent:0.0}% records {score.Records}"));
        return score;
    }

    /// <summary>
    /// An actor code as PETRARCH writes it: Dyad codes a group without a country by its sectors alone ("GOV", "CVL"),
    /// PETRARCH with a null country ("---GOV").
    /// </summary>
    public static string PetrarchCode(EventActor a)
    {
        if (a.Country is null && a.Sectors.Count > 0 && a.Code.Length == 3 * a.Sectors.Count && a.Code.StartsWith(a.Sectors[0], StringComparison.Ordinal))
            return "---" + a.Code;
        return a.Code;
    }

    private static void WriteRow(TextWriter output, string cat, int[] c)
    {
        var s = new PetrarchScore(cat, c[0], c[1], c[2], c[3], c[4]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cat,-10} {s.Records,7} {s.Expected,8} {s.Found,6} {s.FoundPercent,6:0.0}% {s.Produced,8} {s.Spurious,8} {s.SpuriousPercent,5:0.0}%"));
    }

    private static PetrarchDictionaries LoadNamed(string xml, string dir, out string what)
    {
        var named = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match m in EnvFile.Matches(xml))
            named[m.Groups[1].Value] = m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string[] Existing(string key) => named.TryGetValue(key, out var files)
            ? files.Select(f => Path.Combine(dir, f)).Where(File.Exists).ToArray() : [];
        var verbs = Existing("Verbfile");
        if (verbs.Length > 0)
        {
            var actors = Existing("Actorfile");
            what = string.Join(", ", verbs.Concat(actors).Concat(Existing("Agentfile")).Concat(Existing("Discardfile")).Select(Path.GetFileName));
            return PetrarchDictionaries.LoadFiles(verbs[0], actors, Existing("Agentfile"), Existing("Discardfile"));
        }
        what = $"the dictionaries in {dir}";
        return PetrarchDictionaries.Load(dir);
    }
}
