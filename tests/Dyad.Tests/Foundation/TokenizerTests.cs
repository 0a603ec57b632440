using Dyad.Tests.Support;

namespace Dyad.Tests.Foundation;

public class TokenizerTests
{
    [Fact]
    public void Abbreviations_titles_and_initials_do_not_end_sentences()
    {
        var d = TestPipeline.Tokenize("U.S. Secretary of State Antony J. Blinken met Gen. Mark Milley and Mr. Smith on Jan. 5 in Washington. They spoke for 2.5 hours.");
        var s = TestPipeline.Sentences(d);
        Assert.Equal(2, s.Length);
        Assert.StartsWith("U.S. Secretary", s[0]);
        Assert.Equal("They spoke for 2.5 hours.", s[1]);
        var w = TestPipeline.Words(d);
        Assert.Contains("U.S.", w);
        Assert.Contains("J.", w);
        Assert.Contains("Gen.", w);
        Assert.Contains("Jan.", w);
        Assert.Contains("2.5", w);
        Assert.Equal(".", w[^1]);
    }

    [Fact]
    public void Abbreviation_at_the_end_of_a_sentence_closes_it_before_a_sentence_starter()
    {
        var s = TestPipeline.Sentences(TestPipeline.Tokenize("The talks were held in the U.S. The next round is in Mexico."));
        Assert.Equal(["The talks were held in the U.S.", "The next round is in Mexico."], s);
    }

    [Fact]
    public void Quotes_dashes_and_clitics_are_split()
    {
        var w = TestPipeline.Words(TestPipeline.Tokenize("\u201CWe won't back down,\u201D she said \u2014 and Korea's envoy didn't reply."));
        Assert.Equal(["\u201C", "We", "wo", "n't", "back", "down", ",", "\u201D", "she", "said", "\u2014", "and", "Korea", "'s", "envoy", "did", "n't", "reply", "."], w);
    }

    [Fact]
    public void Closing_quote_stays_with_its_sentence()
    {
        var s = TestPipeline.Sentences(TestPipeline.Tokenize("He said: \"We will meet.\" Then he left."));
        Assert.Equal(["He said: \"We will meet.\"", "Then he left."], s);
    }

    [Fact]
    public void Token_offsets_point_into_the_cleaned_text()
    {
        var d = TestPipeline.Tokenize("Mexico's minister, 45, arrived at 10:30 a.m. on Tuesday.");
        for (int i = 0; i < d.TokenCount; i++)
        {
            var span = d.TokenSpan(i);
            Assert.Equal(d.Word(i), d.Text.Substring(span.Start, span.Length));
        }
        Assert.Contains("a.m.", TestPipeline.Words(d));
        Assert.Single(d.Sentences);
    }

    [Fact]
    public void Numbers_currency_and_percent()
    {
        var w = TestPipeline.Words(TestPipeline.Tokenize("Aid rose 12% to $1,500 million."));
        Assert.Equal(["Aid", "rose", "12", "%", "to", "$", "1,500", "million", "."], w);
    }
}

public class DatelineTests
{
    [Theory]
    [InlineData("BEIJING \u2014 Blinken met Xi on Monday.", "BEIJING \u2014")]
    [InlineData("KYIV (Reuters) - Russia attacked Ukraine.", "KYIV (Reuters) -")]
    [InlineData("WASHINGTON, D.C. -- The talks resumed.", "WASHINGTON, D.C. --")]
    public void A_dateline_is_a_sentence_of_its_own(string text, string dateline)
    {
        var s = TestPipeline.Sentences(TestPipeline.Tokenize(text));
        Assert.Equal(2, s.Length);
        Assert.Equal(dateline, s[0]);
    }

    [Fact]
    public void An_ordinary_sentence_starting_with_an_acronym_is_not_a_dateline()
    {
        Assert.Single(TestPipeline.Sentences(TestPipeline.Tokenize("NATO - the alliance - met in Brussels.")));
    }
}
