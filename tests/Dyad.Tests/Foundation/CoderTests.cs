using Dyad.Documents;
using Dyad.Tests.Support;

namespace Dyad.Tests.Foundation;

public class CoderTests
{
    private static (string Source, string Target, string Code)[] Events(Document d) =>
        d.Events.Select(e => (e.Source.Code, e.Target.Code, e.Cameo)).ToArray();

    [Fact]
    public void Codes_a_simple_sentence_with_evidence()
    {
        var d = TestPipeline.Code("Japan praised South Korea for its plan.");
        var e = Assert.Single(d.Events);
        Assert.Equal(("JPN", "KOR", "051"), (e.Source.Code, e.Target.Code, e.Cameo));
        Assert.Equal("Japan", d.Text.Substring(e.Source.Span.Start, e.Source.Span.Length));
        Assert.Equal("praised", d.Text.Substring(e.VerbSpan.Start, e.VerbSpan.Length));
        Assert.Equal("South Korea", d.Text.Substring(e.Target.Span.Start, e.Target.Span.Length));
        Assert.Equal("051 SUBJ praise OBJ", e.Pattern);
        Assert.Equal(new DateOnly(2023, 6, 19), e.Date);
        Assert.Matches("^[0-9a-f]{16}$", e.EventId);
    }

    [Fact]
    public void Multiword_patterns_need_their_words_and_win_over_shorter_ones()
    {
        var d = TestPipeline.Code("India held talks with China on Monday.");
        Assert.Equal([("IND", "CHN", "046")], Events(d));
    }

    [Fact]
    public void Passive_voice_takes_the_agent_as_source()
    {
        var d = TestPipeline.Code("Ukraine was attacked by Russia on Thursday.");
        Assert.Equal([("RUS", "UKR", "190")], Events(d));
    }

    [Fact]
    public void Coordinated_targets_give_one_event_each()
    {
        var d = TestPipeline.Code("Turkey hosted Russia and Ukraine for talks.");
        Assert.Equal([("TUR", "RUS", "043"), ("TUR", "UKR", "043")], Events(d));
    }

    [Fact]
    public void Negated_acts_are_not_coded()
    {
        Assert.Empty(TestPipeline.Code("Germany did not send weapons to Ukraine.").Events);
    }

    [Fact]
    public void Announced_acts_are_coded_as_intents()
    {
        var d = TestPipeline.Code("Mexico will send aid to Guatemala.");
        Assert.Equal([("MEX", "GTM", "033")], Events(d));
    }

    [Fact]
    public void The_same_event_in_several_sentences_is_one_event_with_a_mention_count()
    {
        var d = TestPipeline.Code("Russia attacked Ukraine on Thursday.\n\nOfficials said Russia attacked Ukraine from three sides.", "Russia attacks Ukraine");
        var e = Assert.Single(d.Events);
        Assert.Equal(3, e.Mentions);
    }

    [Fact]
    public void A_sentence_without_two_actors_codes_nothing()
    {
        Assert.Empty(TestPipeline.Code("The minister visited the new hospital on Monday.").Events);
    }
}
