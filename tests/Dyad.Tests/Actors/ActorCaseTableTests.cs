using System.Globalization;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests.Actors;

/// <summary>
/// The shared table of phrase + date → expected actor code (tests/Dyad.Tests/Knowledge/actor-cases.tsv), run through
/// the full resolver: every case, those the knowledge base answers alone and those that need composition or context.
/// </summary>
public class ActorCaseTableTests
{
    private static readonly DyadPipeline Pipeline = new PipelineBuilder().UseCleaner().UseTokenizer().UseActors().Build();

    public static IEnumerable<object[]> Cases([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Knowledge", "actor-cases.tsv");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 4) continue;
            yield return [f[0], f[1], f[2], f[3]];
        }
    }

    [Fact]
    public void The_table_has_at_least_150_cases() => Assert.True(Cases().Count() >= 150);

    [Fact]
    public void Every_case_resolves_to_its_expected_code()
    {
        var failures = new List<string>();
        int n = 0;
        foreach (var c in Cases())
        {
            string phrase = (string)c[0], expected = (string)c[2];
            var date = DateOnly.ParseExact((string)c[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var doc = Pipeline.Process(new Article(null, phrase, date));
            n++;
            // "-" marks a person out of office: coded by country and ELI, never as the government.
            string? got = doc.Mentions.Count > 0 ? doc.Mentions[0].Code : null;
            bool ok = expected == "-" ? got is not null && !got.Contains("GOV", StringComparison.Ordinal)
                : expected.StartsWith('~') ? got == expected[1..]
                : got == expected;
            if (!ok) failures.Add($"{phrase} @ {c[1]}: expected {expected}, got {got ?? "(nothing)"}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {n} cases failed:\n" + string.Join('\n', failures));
    }
}
