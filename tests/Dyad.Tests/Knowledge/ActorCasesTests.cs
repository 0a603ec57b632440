using System.Globalization;
using System.Runtime.CompilerServices;
using Dyad.Knowledge;

namespace Dyad.Tests.Knowledge;

/// <summary>
/// Runs tests/Dyad.Tests/Knowledge/actor-cases.tsv: phrase + article date → expected CAMEO code. Rows with scope "kb"
/// must be answered by the knowledge base alone; rows with scope "resolver" belong to the actor resolver and are only
/// checked for form here.
/// </summary>
public sealed class ActorCasesTests
{
    internal sealed record ActorCase(int Line, string Phrase, DateOnly Date, string Expected, string Scope, string Note);

    internal static IReadOnlyList<ActorCase> LoadCases([CallerFilePath] string thisFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(thisFile)!, "actor-cases.tsv");
        var cases = new List<ActorCase>();
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0 || text[0] == '#') continue;
            var c = text.Split('\t');
            Assert.True(c.Length == 5, $"actor-cases.tsv:{line}: expected 5 columns, found {c.Length}");
            cases.Add(new ActorCase(line, c[0], DateOnly.ParseExact(c[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), c[2], c[3], c[4]));
        }
        return cases;
    }

    /// <summary>What the knowledge base alone says the phrase is on the date: a code, "~SECTOR" for agents, "-" for a person out of office.</summary>
    internal static string? Answer(KnowledgeBase kb, string phrase, DateOnly date, bool wantAgent)
    {
        var tokens = KnowledgeBase.Tokenize(phrase);
        var m = kb.Match(tokens, 0, EntryKinds.Actors);
        if (m.IsEmpty || m.Length != tokens.Length) return null;
        if (wantAgent)
        {
            foreach (var e in m)
                if (e.Kind == EntryKind.Agent && e.Country is null) return "~" + e.Sector;
            return null;
        }
        var first = m.First;
        if (first.Kind == EntryKind.Person)
            return KnowledgeBase.RoleOn(kb.People[first.EntityId], date)?.Code.Value ?? "-";
        return first.Code.IsEmpty ? null : first.Code.Value;
    }

    [Fact]
    public void Table_has_enough_well_formed_cases()
    {
        var cases = LoadCases();
        Assert.True(cases.Count >= 150, $"only {cases.Count} cases");
        foreach (var c in cases)
        {
            Assert.True(c.Scope is "kb" or "resolver", $"actor-cases.tsv:{c.Line}: scope '{c.Scope}'");
            var code = c.Expected.TrimStart('~');
            Assert.True(c.Expected == "-" || ActorCode.TryParse(code, out _), $"actor-cases.tsv:{c.Line}: '{c.Expected}' is not a code");
        }
    }

    [Fact]
    public void Knowledge_base_answers_its_cases()
    {
        var kb = KnowledgeBase.Default;
        var failures = new List<string>();
        int n = 0;
        foreach (var c in LoadCases())
        {
            if (c.Scope != "kb") continue;
            n++;
            var got = Answer(kb, c.Phrase, c.Date, c.Expected.StartsWith('~'));
            if (got != c.Expected)
                failures.Add($"actor-cases.tsv:{c.Line}: '{c.Phrase}' on {c.Date:yyyy-MM-dd}: expected {c.Expected}, got {got ?? "no match"}");
        }
        Assert.True(n >= 150, $"only {n} kb cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
