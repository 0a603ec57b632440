using System.Collections.Concurrent;
using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Evaluation;
using Dyad.Interop.Petrarch;
using Dyad.Pipeline;
using Dyad.Tests.Support;

namespace Dyad.Tests.Coding;

/// <summary>
/// One example of a spec file: a sentence and the events it must give. <see cref="Petrarch"/> holds the file's
/// PETRARCH-format dictionaries (verbs, actors, agents) when it codes with them instead of Dyad's own.
/// </summary>
public sealed record CodingSpec(string File, string Title, string Text, DateOnly Date, string[] Expected, bool Pending)
{
    public (string Verbs, string Actors, string Agents)? Petrarch { get; init; }
    /// <summary>PETRARCH's require_dyad for this example (<c>text require_dyad=false</c>).</summary>
    public bool RequireDyad { get; init; } = true;

    public override string ToString() => $"{File}: {Title}";
}

/// <summary>
/// Reads specs/*.md: a <c>text</c> block (optionally <c>text date=YYYY-MM-DD</c>) then an <c>events</c> block. A file
/// with <c>petrarch-verbs</c>, <c>petrarch-actors</c> and <c>petrarch-agents</c> blocks codes its examples with those
/// dictionaries, as <c>--dictionaries</c> does.
/// </summary>
public static class CodingSpecs
{
    public static readonly DateOnly DefaultDate = new(2023, 6, 19);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "specs");

    public static List<CodingSpec> Read(string path)
    {
        var specs = new List<CodingSpec>();
        var lines = File.ReadAllLines(path);
        string title = "", file = Path.GetFileName(path);
        string? text = null;
        var date = DefaultDate;
        bool requireDyad = true;
        string? verbs = null, actors = null, agents = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#')) { title = line.TrimStart('#').Trim(); continue; }
            if (!line.StartsWith("```", StringComparison.Ordinal)) continue;
            var info = line[3..].Trim();
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) body.Add(lines[i]);
            if (info == "petrarch-verbs") verbs = string.Join("\n", body);
            else if (info == "petrarch-actors") actors = string.Join("\n", body);
            else if (info == "petrarch-agents") agents = string.Join("\n", body);
            else if (info.StartsWith("text", StringComparison.Ordinal))
            {
                text = string.Join("\n", body).Trim();
                int at = info.IndexOf("date=", StringComparison.Ordinal);
                date = at >= 0 ? DateOnly.ParseExact(info[(at + 5)..].Split(' ')[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : DefaultDate;
                requireDyad = !info.Contains("require_dyad=false", StringComparison.Ordinal);
            }
            else if (info.StartsWith("events", StringComparison.Ordinal) && text is not null)
            {
                var expected = body.Select(b => b.Trim()).Where(b => b.Length > 0 && b != "none").ToArray();
                specs.Add(new CodingSpec(file, title, text, date, expected, info.Contains("pending", StringComparison.Ordinal))
                {
                    Petrarch = verbs is null ? null : (verbs, actors ?? "", agents ?? ""),
                    RequireDyad = requireDyad,
                });
                text = null;
            }
        }
        return specs;
    }

    public static IEnumerable<object[]> All()
    {
        foreach (var f in System.IO.Directory.GetFiles(Directory, "*.md").Order(StringComparer.Ordinal))
            foreach (var s in Read(f))
                yield return [s];
    }
}

public class SpecTests
{
    private static readonly ConcurrentDictionary<(string, string, string, bool), DyadPipeline> PetrarchPipelines = new();

    private static Document Code(CodingSpec spec)
    {
        if (spec.Petrarch is not { } p) return TestPipeline.Code(spec.Text, date: spec.Date);
        var pipeline = PetrarchPipelines.GetOrAdd((p.Verbs, p.Actors, p.Agents, spec.RequireDyad), k =>
            PetrarchDictionaries.FromText(k.Item1, k.Item2, k.Item3).CreateBuilder(EventCoderOptions.Petrarch with { RequireDyad = k.Item4 }).Build());
        return pipeline.Process(new Article(null, spec.Text, spec.Date));
    }

    [Theory]
    [MemberData(nameof(CodingSpecs.All), MemberType = typeof(CodingSpecs))]
    public void Spec(CodingSpec spec)
    {
        var d = Code(spec);
        var produced = new List<string>();
        foreach (var e in d.Events)
        {
            // with PETRARCH dictionaries, codes as PETRARCH writes them ("---GOV", "---" for no actor)
            var (src, tgt) = spec.Petrarch is null ? (e.Source.Code, e.Target.Code) : (PetrarchEvaluation.PetrarchCode(e.Source), PetrarchEvaluation.PetrarchCode(e.Target));
            produced.Add($"{src} {tgt} {e.Cameo} {e.Date:yyyy-MM-dd}");
        }
        // an expectation without a date matches any date
        var missing = new List<string>();
        var unmatched = new List<string>(produced);
        foreach (var x in spec.Expected)
        {
            int at = unmatched.FindIndex(p => p == x || (x.Split(' ').Length == 3 && p.StartsWith(x + " ", StringComparison.Ordinal)));
            if (at >= 0) unmatched.RemoveAt(at);
            else missing.Add(x);
        }
        if (spec.Pending) return;
        Assert.True(missing.Count == 0 && unmatched.Count == 0,
            $"{spec}\n  text: {spec.Text}\n  missing: {string.Join("; ", missing)}\n  extra: {string.Join("; ", unmatched)}");
    }

    [Fact]
    public void Spec_files_hold_examples()
    {
        var all = CodingSpecs.All().ToList();
        Assert.True(all.Count >= 30, $"only {all.Count} examples under {CodingSpecs.Directory}");
    }
}
