using Dyad.Errors;
using Dyad.Knowledge;

namespace Dyad.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private static KnowledgeBase Kb => KnowledgeBase.Default;

    [Fact]
    public void Embedded_data_is_valid()
    {
        var errors = KnowledgeBase.Validate(KnowledgeFile.Embedded());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(Kb.Countries.Count >= 249);
    }

    [Fact]
    public void Embedded_files_include_the_country_table()
    {
        var paths = KnowledgeFile.Embedded().Select(f => f.Path).ToList();
        Assert.Contains("actors/countries.tsv", paths);
    }

    [Fact]
    public void Compile_is_deterministic()
    {
        var files = KnowledgeFile.Embedded();
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        KnowledgeBase.Compile(files, a);
        KnowledgeBase.Compile(files, b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Compiled_form_round_trips()
    {
        using var ms = new MemoryStream();
        KnowledgeBase.Compile(KnowledgeFile.Embedded(), ms);
        var bytes = ms.ToArray();
        ms.Position = 0;
        var loaded = KnowledgeBase.Load(ms);
        Assert.Equal(Kb.Countries.Count, loaded.Countries.Count);
        Assert.Equal(Kb.People.Count, loaded.People.Count);
        Assert.Equal(Kb.Organizations.Count, loaded.Organizations.Count);
        Assert.Equal(Kb.Agents.Count, loaded.Agents.Count);
        Assert.Equal(Kb.Cities.Count, loaded.Cities.Count);
        Assert.Equal(Kb.PhraseCount, loaded.PhraseCount);
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(bytes, again.ToArray());
        Assert.Equal("USA", loaded.MatchPhrase("U.S.").First.Code.Value);
    }

    [Fact]
    public void Load_rejects_corrupt_binary()
    {
        using var ms = new MemoryStream();
        KnowledgeBase.Compile(KnowledgeFile.Embedded(), ms);
        var bytes = ms.ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;
        Assert.Throws<InvalidDataException>(() => KnowledgeBase.Load(new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => KnowledgeBase.Load(new MemoryStream("not a kb"u8.ToArray())));
    }

    [Theory]
    [InlineData("U.S.", EntryKind.Country, "USA")]
    [InlineData("United States", EntryKind.Country, "USA")]
    [InlineData("South Korean", EntryKind.CountryAdjective, "KOR")]
    [InlineData("Mexicans", EntryKind.Demonym, "MEX")]
    [InlineData("Kremlin", EntryKind.Seat, "RUSGOV")]
    [InlineData("Pentagon", EntryKind.Seat, "USAMIL")]
    [InlineData("Seoul", EntryKind.Capital, "KORGOV")]
    [InlineData("Ivory Coast", EntryKind.Country, "CIV")]
    [InlineData("Cote d'Ivoire", EntryKind.Country, "CIV")]
    [InlineData("Kosovo", EntryKind.Country, "KSV")]
    public void Country_phrases(string phrase, EntryKind kind, string code)
    {
        var m = Kb.MatchPhrase(phrase, EntryKinds.Actors);
        Assert.False(m.IsEmpty, phrase);
        Assert.Equal(KnowledgeBase.Tokenize(phrase).Length, m.Length);
        Assert.Contains(m.GetEnumeratorList(), e => e.Kind == kind && e.Code.Value == code);
    }

    [Fact]
    public void Longest_match_in_a_sentence_with_a_possessive()
    {
        string[] tokens = ["South", "Korea", "'s", "foreign", "minister", "met"];
        var m = Kb.Match(tokens, 0);
        Assert.Equal(2, m.Length);
        Assert.Equal("KOR", m.First.Country);
        Assert.True(Kb.Match(tokens, 2, EntryKinds.AnyCountry).IsEmpty);
    }

    [Fact]
    public void Case_rule_exact_then_all_caps()
    {
        Assert.True(Kb.Match(["us"], 0, EntryKinds.AnyCountry).IsEmpty);
        Assert.Equal("RUSGOV", Kb.Match(["KREMLIN"], 0).First.Code.Value);
        Assert.True(Kb.Match(["kremlin"], 0, EntryKinds.AnyCountry).IsEmpty);
        Assert.Equal("RUSGOV", Kb.Match(["kremlin"], 0, EntryKinds.AnyCountry, MatchOptions.IgnoreCase).First.Code.Value);
    }

    [Fact]
    public void Countries_by_code()
    {
        Assert.Equal("KOR", Kb.CountryByCode("KR")!.Code);
        Assert.Equal("South Korea", Kb.CountryByCode("KOR")!.Name);
        Assert.Equal("MEX", Kb.CountryByCode("mex".AsSpan())!.Code);
        Assert.Null(Kb.CountryByCode("XYZ"));
        Assert.Equal("KOR", Kb.FindCountry("South Korean")!.Code);
    }

    [Fact]
    public void People_roles_by_date()
    {
        var blinken = Kb.FindPerson("Antony Blinken");
        Assert.NotNull(blinken);
        var role = KnowledgeBase.RoleOn(blinken!, new DateOnly(2022, 5, 1));
        Assert.NotNull(role);
        Assert.Equal("USAGOV", role!.Code.Value);
        Assert.Equal("Secretary of State", role.Title);
        Assert.Null(KnowledgeBase.RoleOn(blinken!, new DateOnly(2026, 1, 1)));
        Assert.Empty(KnowledgeBase.RolesOn(blinken!, new DateOnly(2026, 1, 1)));

        Assert.Same(blinken, Kb.FindPerson("Tony Blinken"));
        Assert.Contains(blinken!, Kb.PeopleBySurname("Blinken"));
        var m = Kb.Match(["Secretary", "of", "State", "Antony", "Blinken", "said"], 3);
        Assert.Equal(2, m.Length);
        Assert.Equal(EntryKind.Person, m.First.Kind);
        Assert.Same(blinken, Kb.People[m.First.EntityId]);
    }

    [Fact]
    public void Surnames_and_overlapping_roles()
    {
        var kim = Kb.FindPerson("Kim Jong-un");
        Assert.NotNull(kim);
        Assert.Equal("Kim", kim!.Surname);
        var putin = Kb.FindPerson("Vladimir Putin")!;
        Assert.Equal("Prime Minister", KnowledgeBase.RoleOn(putin, new DateOnly(2010, 1, 1))!.Title);
        Assert.Equal("President", KnowledgeBase.RoleOn(putin, new DateOnly(2024, 1, 1))!.Title);
        Assert.Contains(Kb.PeopleBySurname("Bush"), p => p.Name == "George W. Bush");
    }

    [Fact]
    public void Organizations_and_agents()
    {
        var nato = Kb.MatchPhrase("NATO");
        Assert.Equal(EntryKind.Organization, nato.First.Kind);
        Assert.Equal("IGOWSTNAT", nato.First.Code.Value);
        Assert.StartsWith("IGO", nato.First.Code.Value);
        Assert.Equal("IGOUNO", Kb.FindOrganization("U.N.")!.Code.Value);
        Assert.Contains(Kb.FindAgents("foreign secretary"), a => a.Country == "MEX");
        Assert.Equal("GOVMIL", Kb.FindAgents("defence minister")[0].Sector);
        var m = Kb.Match(["the", "Mexican", "Foreign", "Secretary"], 2);
        Assert.Equal(2, m.Length);
        Assert.Equal(EntryKind.Agent, m.First.Kind);
    }

    [Fact]
    public void Cities_come_from_the_gazetteer()
    {
        var seoul = Kb.FindCities("Seoul");
        Assert.NotEmpty(seoul);
        Assert.Equal("KOR", seoul[0].Country);
        Assert.InRange(seoul[0].Latitude, 37, 38);
        var m = Kb.Match(["Paris"], 0, EntryKinds.City);
        Assert.Equal(EntryKind.City, m.First.Kind);
        Assert.Equal("FRA", m.First.Country);
        // actors and places together: the capital reading comes first
        var both = Kb.Match(["Paris"], 0);
        Assert.Equal(EntryKind.Capital, both.First.Kind);
        Assert.True(both.Count > 1);
    }

    [Fact]
    public void Bad_line_names_file_and_line()
    {
        var files = new[]
        {
            new KnowledgeFile("actors/countries.tsv", "# test\nUSA\tiso2\tUS\nUSA\tname\tUnited States\nUSA\tcolour\tblue\n"),
        };
        var errors = KnowledgeBase.Validate(files);
        var e = Assert.Single(errors);
        Assert.Equal("actors/countries.tsv:4", e.Where);
        Assert.Contains("colour", e.Message);
        var ex = Assert.Throws<DyadException>(() => KnowledgeBase.Build(files));
        Assert.Equal("actors/countries.tsv:4", ex.Error.Where);
    }

    [Theory]
    [InlineData("actors/people/test.tsv", "Jane Doe\trole\tUSAGOV\tSecretary\t2020-13-01\t\n", "start")]
    [InlineData("actors/people/test.tsv", "Jane Doe\trole\tUSAGOV\tSecretary\t2021\t2020\n", "before it starts")]
    [InlineData("actors/people/test.tsv", "Jane Doe\trole\tusagov\tSecretary\t2021\t\n", "actor code")]
    [InlineData("actors/people/test.tsv", "Jane Doe\trole\tXXXGOV\tSecretary\t2021\t\n", "not a country code")]
    [InlineData("actors/organizations.tsv", "Foo Group\talias\tFoo\n", "no code line")]
    [InlineData("actors/agents.tsv", "minister\tsector\tgov\n", "sector code")]
    [InlineData("gazetteer/cities.tsv", "Springfield\tUSA\t91.0\t10.0\t1000\t42\n", "latitude")]
    [InlineData("actors/agents.tsv", "minister\tsector\tGOV\tZZZ\n", "unknown country")]
    public void Bad_lines_are_reported(string path, string text, string expected)
    {
        var files = new[]
        {
            new KnowledgeFile("actors/countries.tsv", "USA\tiso2\tUS\n"),
            new KnowledgeFile(path, "# header\n" + text),
        };
        var errors = KnowledgeBase.Validate(files);
        Assert.NotEmpty(errors);
        Assert.StartsWith(path + ":", errors[0].Where);
        Assert.Contains(expected, errors[0].Message);
    }

    [Fact]
    public void Directory_overlay_replaces_and_adds_files()
    {
        var dir = Directory.CreateTempSubdirectory("dyad-kb-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "actors", "people"));
            File.WriteAllText(Path.Combine(dir.FullName, "actors", "people", "local.tsv"),
                "# source: test\nJane Q. Example\trole\tUSAGOV\tTest Secretary\t2020-01-01\t2020-12-31\n");
            var kb = KnowledgeBase.FromDirectory(dir.FullName);
            var p = kb.FindPerson("Jane Q. Example");
            Assert.NotNull(p);
            Assert.Equal("Example", p!.Surname);
            Assert.NotNull(KnowledgeBase.RoleOn(p, new DateOnly(2020, 6, 1)));
            Assert.Null(KnowledgeBase.RoleOn(p, new DateOnly(2021, 1, 1)));
            Assert.NotNull(kb.CountryByCode("USA"));
        }
        finally { dir.Delete(recursive: true); }
    }
}

internal static class PhraseMatchTestExtensions
{
    public static List<PhraseEntry> GetEnumeratorList(this PhraseMatch m)
    {
        var list = new List<PhraseEntry>();
        foreach (var e in m) list.Add(e);
        return list;
    }
}
