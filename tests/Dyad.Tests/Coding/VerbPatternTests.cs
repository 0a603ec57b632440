using Dyad.Coding;
using Dyad.Tests.Support;
using Dyad.Util;

namespace Dyad.Tests.Coding;

public class VerbPatternTests
{
    private static readonly Dictionary<string, string[]> NoIrregulars = new(StringComparer.Ordinal);

    [Fact]
    public void Every_default_pattern_has_a_CAMEO_code_of_the_code_table()
    {
        var unknown = new List<string>();
        foreach (var p in VerbPatternSet.Default.Patterns)
        {
            if (!CameoTable.Default.Contains(p.Code)) unknown.Add($"{p.Source}: {p.Text}");
        }
        Assert.True(unknown.Count == 0, "codes not in data/cameo/codes.tsv:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void Every_root_has_patterns()
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in VerbPatternSet.Default.Patterns) roots.Add(p.Code[..2]);
        for (int r = 1; r <= 20; r++) Assert.Contains(r.ToString("00", System.Globalization.CultureInfo.InvariantCulture), roots);
    }

    [Fact]
    public void The_default_file_loads_without_errors()
    {
        VerbPatternSet.Load(EmbeddedData.ReadLines("patterns/verbs.txt"), "verbs.txt", NoIrregulars, out var errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_word_with_alternatives_matches_each_alternative_in_any_inflection_and_nothing_else()
    {
        var set = VerbPatternSet.Load(["190\tSUBJ launch attack|offensive|raid on OBJ"], "t.txt", NoIrregulars, out var errors);
        Assert.Empty(errors);
        var p = Assert.Single(set.Patterns);
        Assert.Equal(["attack|offensive|raid", "on"], p.Middle);
        Assert.Equal("on", p.Preposition);
        foreach (var w in new[] { "attack", "attacks", "offensive", "offensives", "raid", "raids" })
            Assert.True(set.WordMatches("attack|offensive|raid", w), w);
        foreach (var w in new[] { "attach", "offense", "strike", "attack|offensive|raid", "" })
            Assert.False(set.WordMatches("attack|offensive|raid", w), w);
    }

    [Fact]
    public void The_rev_flag_makes_the_subject_the_target()
    {
        var set = VerbPatternSet.Load(
            ["072\tSUBJ receive weapons from OBJ\trev", "043\tSUBJ receive OBJ", "046\tSUBJ hold talks with OBJ\tsym"],
            "t.txt", NoIrregulars, out var errors);
        Assert.Empty(errors);
        Assert.True(set.Patterns[0].TargetIsSubject);
        Assert.False(set.Patterns[1].TargetIsSubject);
        Assert.False(set.Patterns[2].TargetIsSubject);
        Assert.True(set.Patterns[2].Symmetric);
    }

    [Fact]
    public void Received_weapons_are_coded_from_the_giver_to_the_receiver()
    {
        var d = TestPipeline.Code("Georgia received weapons from Russia.", date: new DateOnly(2023, 6, 19));
        var e = Assert.Single(d.Events);
        Assert.Equal(("RUS", "GEO", "072"), (e.Source.Code, e.Target.Code, e.Cameo));
    }
}
