using Dyad.Coding;

namespace Dyad.Tests.Coding;

public sealed class ParseGateTests
{
    private static readonly VerbPatternSet Set = VerbPatternSet.Load(
        ["046\tSUBJ hold talks with OBJ", "190\tSUBJ attack OBJ", "014\tSUBJ put OBJ to a vote"], "test.txt",
        VerbPatternSet.LoadIrregular(["hold\theld,held"]), out _);

    private static bool[] Present(params string[] words)
    {
        var present = new bool[Set.PatternWordCount];
        foreach (var w in words)
            foreach (int id in Set.PatternWordsOf(w)) present[id] = true;
        return present;
    }

    [Fact]
    public void A_verb_whose_patterns_need_a_missing_word_cannot_match()
    {
        Assert.False(Set.CouldMatch("held", Present("held", "a", "meeting")));
        Assert.True(Set.CouldMatch("held", Present("held", "talks")));
        Assert.True(Set.CouldMatch("held", Present("held", "talk")));   // singular and plural forms both count
    }

    [Fact]
    public void One_letter_pattern_words_are_marked_and_required()
    {
        Assert.False(Set.PatternWordsOf("a").IsEmpty);
        Assert.True(Set.CouldMatch("put", Present("put", "a", "vote")));
        Assert.False(Set.CouldMatch("put", Present("put", "vote")));
    }

    [Fact]
    public void Prepositions_are_not_required_and_a_bare_verb_pattern_always_may_match()
    {
        Assert.True(Set.CouldMatch("holds", Present("holds", "talks")));   // "X and Y hold talks": no "with"
        Assert.True(Set.CouldMatch("attacked", Present("attacked")));
        Assert.False(Set.CouldMatch("visited", Present("visited")));        // not a pattern verb
    }
}
