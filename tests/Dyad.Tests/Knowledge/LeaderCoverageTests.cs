using Dyad.Evaluation;
using Dyad.Knowledge;

namespace Dyad.Tests.Knowledge;

public sealed class LeaderCoverageTests
{
    private static KnowledgeBase Build(string people) => KnowledgeBase.Build(
    [
        new KnowledgeFile("actors/countries.tsv", "AAA\tiso2\tAA\nAAA\tname\tAland\nBBB\tiso2\tBB\nBBB\tname\tBeeland\n"),
        new KnowledgeFile("actors/people/test.tsv", "# source: test\n" + people),
    ]);

    private static readonly DateOnly From = new(2000, 1, 1), To = new(2000, 12, 1);

    [Fact]
    public void Months_without_a_leader_are_gaps_and_other_offices_do_not_count()
    {
        var kb = Build(
            "Ann One\trole\tAAAGOV\tPresident\t1999-05-01\t2000-03-15\n" +
            "Bob Two\trole\tAAAGOV\tActing President\t2000-06\t2000-12-31\n" +
            "Cy Three\trole\tAAAGOV\tVice President\t2000-01-01\t2000-12-31\n" +        // not a leader title
            "Di Four\trole\tAAALEG\tPresident\t2000-01-01\t2000-12-31\n");               // the speaker of a parliament
        var states = new[] { new CoveredState("AAA", DateOnly.MinValue, DateOnly.MaxValue) };

        var c = LeaderCoverage.Measure(kb, "heads", states, LeaderCoverage.IsLeaderRole, From, To);

        Assert.Equal(12, c.Months);
        Assert.Equal(3 + 7, c.CoveredMonths);          // Jan-Mar by Ann; Jun-Dec by Bob
        Assert.Equal(0, c.CompleteStates);
        var gap = Assert.Single(c.Gaps["AAA"]);
        Assert.Equal((new DateOnly(2000, 4, 1), new DateOnly(2000, 5, 1)), gap);
    }

    [Fact]
    public void A_state_is_only_checked_while_it_exists()
    {
        var kb = Build("Ed Five\trole\tBBBGOV\tPrime Minister\t2000-07-01\t\n");
        var states = new[] { new CoveredState("BBB", new DateOnly(2000, 7, 1), DateOnly.MaxValue) };

        var c = LeaderCoverage.Measure(kb, "heads", states, LeaderCoverage.IsLeaderRole, From, To);

        Assert.Equal(6, c.Months);
        Assert.Equal(6, c.CoveredMonths);
        Assert.Equal(1, c.CompleteStates);
        Assert.Empty(c.Gaps);
    }

    [Theory]
    [InlineData("Minister of Foreign Affairs", true, false)]
    [InlineData("Foreign Secretary", true, false)]
    [InlineData("Minister of External Affairs", true, false)]
    [InlineData("Secretary of State", true, false)]
    [InlineData("Deputy Minister of Foreign Affairs", false, false)]
    [InlineData("Minister of Defence", false, true)]
    [InlineData("Secretary of Defense", false, true)]
    [InlineData("Minister of State for Defence", false, false)]
    [InlineData("Chancellor of the Exchequer", false, false)]
    public void Minister_titles_are_told_apart(string title, bool foreign, bool defence)
    {
        Assert.Equal(foreign, LeaderCoverage.IsForeignMinisterTitle(title));
        Assert.Equal(defence, LeaderCoverage.IsDefenceMinisterTitle(title));
        Assert.False(LeaderCoverage.IsLeaderTitle(title));
    }

    [Fact]
    public void The_embedded_states_list_names_known_countries()
    {
        var states = LeaderCoverage.LoadStates();
        Assert.True(states.Count >= 197, $"{states.Count} states");
        foreach (var s in states)
            Assert.True(KnowledgeBase.Default.CountryByCode(s.Code) is not null, $"states.tsv: {s.Code} is not in countries.tsv");
        Assert.Contains(states, s => s.Code == "SSD" && s.From == new DateOnly(2011, 7, 9));
    }
}
