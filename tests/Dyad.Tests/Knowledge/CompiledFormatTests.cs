using System.Runtime.CompilerServices;
using Dyad.Knowledge;

namespace Dyad.Tests.Knowledge;

/// <summary>
/// Keeps old compiled knowledge bases loadable: fixtures/kb-vN.bin was written by format version N from
/// <see cref="TinyFiles"/> (version 1 without the city alias). When the format changes, keep the old fixtures loading,
/// and write a new fixture for the new version.
/// </summary>
public sealed class CompiledFormatTests
{
    internal static KnowledgeFile[] TinyFiles =>
    [
        new("actors/countries.tsv", "# source: test\nUSA\tiso2\tUS\nUSA\tname\tUnited States\nUSA\tadj\tAmerican\nUSA\tseat\tWhite House\tGOV\nRUS\tiso2\tRU\nRUS\tname\tRussia\nRUS\tcapital\tMoscow\n"),
        new("actors/organizations.tsv", "# source: test\nNorth Atlantic Treaty Organization\tcode\tIGOWSTNAT\nNorth Atlantic Treaty Organization\talias\tNATO\n"),
        new("actors/agents.tsv", "# source: test\nforeign minister\tsector\tGOV\nsecretary of state\tsector\tGOV\tUSA\n"),
        new("actors/people/test.tsv", "# source: test\nAntony Blinken\trole\tUSAGOV\tSecretary of State\t2021-01-26\t2025-01-20\nAntony Blinken\talias\tTony Blinken\n"),
        new("gazetteer/cities.tsv", "# source: test\nMoscow\tRUS\t55.7522\t37.6156\t10381222\t524901\tMoskva\n"),
    ];

    private static string FixturePath(int version, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "fixtures", $"kb-v{version}.bin");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Older_binaries_still_load(int version)
    {
        using var stream = File.OpenRead(FixturePath(version));
        var kb = KnowledgeBase.Load(stream);
        Assert.Equal("USAGOV", kb.MatchPhrase("White House").First.Code.Value);
        Assert.Equal("RUSGOV", kb.MatchPhrase("Moscow", EntryKinds.Actors).First.Code.Value);
        Assert.Equal("IGOWSTNAT", kb.MatchPhrase("NATO").First.Code.Value);
        var blinken = kb.FindPerson("Tony Blinken")!;
        Assert.Equal("Secretary of State", KnowledgeBase.RoleOn(blinken, new DateOnly(2022, 5, 1))!.Title);
        Assert.Equal("USA", Assert.Single(kb.FindAgents("secretary of state")).Country);
        Assert.Equal(55.7522, Assert.Single(kb.FindCities("Moscow")).Latitude, 4);
        if (version >= 2) Assert.Equal("RUS", Assert.Single(kb.FindCities("Moskva")).Country);
    }

    [Fact]
    public void Current_compiler_writes_the_current_fixture_bytes()
    {
        using var ms = new MemoryStream();
        KnowledgeBase.Compile(TinyFiles, ms);
        Assert.Equal(File.ReadAllBytes(FixturePath(KnowledgeBase.FormatVersion)), ms.ToArray());
    }
}
