using Dyad.Tests.Support;

namespace Dyad.Tests.Foundation;

public class CleanerTests
{
    private const string Headline = "Mexico and U.S. top diplomats discuss migration";

    [Fact]
    public void Removes_credits_buttons_counters_and_a_repeated_headline()
    {
        string body = string.Join('\n',
            Headline,
            "Antony Blinken | Pool | Reuters",
            "© Getty Images",
            "Mexico's foreign secretary spoke with his U.S. counterpart.",
            "Read More",
            "No comments",
            "27 Comments",
            "Share this article",
            "Sign up for our daily newsletter",
            "Officials said the talks would continue.");
        var d = TestPipeline.Tokenize(body, Headline);
        Assert.Equal(Headline + "\n\nMexico's foreign secretary spoke with his U.S. counterpart.\n\nOfficials said the talks would continue.", d.Text);
        var reasons = d.Removed.Select(r => r.Reason).ToArray();
        Assert.Equal(["repeated-headline", "photo-credit", "photo-credit", "button", "comment-counter", "comment-counter", "share-line", "newsletter"], reasons);
        Assert.Equal(3, d.Paragraphs.Count);
        Assert.True(d.Paragraphs[0].IsHeadline);
    }

    [Fact]
    public void Cuts_an_inline_link_card_and_keeps_the_sentence()
    {
        var d = TestPipeline.Tokenize("Mexico Foreign Secretary Marcelo Ebrard spoke with Secretary of State Antony BlinkenAntony BlinkenSunday shows preview: Officials weigh next steps; lawmakers press for relief MORE on Thursday.");
        Assert.Equal("Mexico Foreign Secretary Marcelo Ebrard spoke with Secretary of State Antony Blinken on Thursday.", d.Text);
        var card = Assert.Single(d.Removed);
        Assert.Equal("link-card", card.Reason);
        Assert.StartsWith("Antony BlinkenSunday shows preview", card.Text);
        Assert.EndsWith("MORE", card.Text);
    }

    [Fact]
    public void Agency_captions_are_removed_but_datelines_are_kept()
    {
        var d = TestPipeline.Tokenize("Smoke rises over Kyiv on Thursday. (AP Photo/Jane Roe)\nKYIV (Reuters) - Russia attacked Ukraine on Thursday.");
        Assert.Equal("KYIV (Reuters) - Russia attacked Ukraine on Thursday.", d.Text);
        Assert.Equal("photo-credit", Assert.Single(d.Removed).Reason);
    }

    [Fact]
    public void Wrapped_lines_join_into_one_paragraph()
    {
        var d = TestPipeline.Tokenize("The minister said the talks\nwould resume next week.");
        Assert.Equal("The minister said the talks would resume next week.", d.Text);
        Assert.Single(d.Sentences);
    }
}
