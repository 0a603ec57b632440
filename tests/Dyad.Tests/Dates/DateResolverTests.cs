using Dyad.Text.Dates;

namespace Dyad.Tests.Dates;

public class DateResolverTests
{
    // Wednesday 6 March 2024.
    private static readonly DateResolver Resolver = new(new DateOnly(2024, 3, 6));

    private static string R(string expression) => Resolver.Resolve(expression)?.ToString() ?? "none";

    [Theory]
    [InlineData("on Tuesday", "2024-03-05")]
    [InlineData("Tuesday", "2024-03-05")]
    [InlineData("Thursday", "2024-02-29")]
    [InlineData("Wednesday", "2024-03-06")]
    [InlineData("last Wednesday", "2024-02-28")]
    [InlineData("next Thursday", "2024-03-07")]
    [InlineData("Monday night", "2024-03-04")]
    [InlineData("yesterday", "2024-03-05")]
    [InlineData("last night", "2024-03-05")]
    [InlineData("today", "2024-03-06")]
    [InlineData("tomorrow", "2024-03-07")]
    [InlineData("two days ago", "2024-03-04")]
    [InlineData("10 days ago", "2024-02-25")]
    public void ResolvesDaysRelativeToThePublicationDate(string expression, string expected) => Assert.Equal(expected, R(expression));

    [Theory]
    [InlineData("last week", "2024-02-26..2024-03-03")]
    [InlineData("this week", "2024-03-04..2024-03-10")]
    [InlineData("next week", "2024-03-11..2024-03-17")]
    [InlineData("last weekend", "2024-03-02..2024-03-03")]
    [InlineData("earlier this month", "2024-03-01..2024-03-06")]
    [InlineData("later this month", "2024-03-06..2024-03-31")]
    [InlineData("last month", "2024-02-01..2024-02-29")]
    [InlineData("last year", "2023-01-01..2023-12-31")]
    [InlineData("earlier this year", "2024-01-01..2024-03-06")]
    [InlineData("past week", "2024-02-28..2024-03-06")]
    public void ResolvesSpans(string expression, string expected) => Assert.Equal(expected, R(expression));

    [Theory]
    [InlineData("March 3, 2024", "2024-03-03")]
    [InlineData("Mar. 3, 2024", "2024-03-03")]
    [InlineData("3 March 2024", "2024-03-03")]
    [InlineData("3rd of March, 2024", "2024-03-03")]
    [InlineData("2024-03-03", "2024-03-03")]
    [InlineData("December 30", "2023-12-30")]
    [InlineData("March 9", "2024-03-09")]
    [InlineData("in December", "2023-12-01..2023-12-31")]
    [InlineData("in February", "2024-02-01..2024-02-29")]
    [InlineData("June 2019", "2019-06-01..2019-06-30")]
    [InlineData("February 30, 2024", "none")]
    [InlineData("may 3", "none")]
    public void ResolvesExplicitDates(string expression, string expected) => Assert.Equal(expected, R(expression));

    [Fact]
    public void FindsDatesInTextWithOffsetsAndReadsTheTense()
    {
        const string text = "Rebels shelled the town on Tuesday. Envoys will meet on Thursday, and talks held March 3, 2024 failed.";

        var mentions = Resolver.FindAll(text);

        Assert.Equal(3, mentions.Count);
        Assert.Equal("on Tuesday", mentions[0].Text);
        Assert.Equal("on Tuesday", text.Substring(mentions[0].Start, mentions[0].Length));
        Assert.Equal(ResolvedDate.Day(new DateOnly(2024, 3, 5)), mentions[0].Date);
        Assert.Equal(new DateOnly(2024, 3, 7), mentions[1].Date.Start);
        Assert.Equal("March 3, 2024", mentions[2].Text);
        Assert.Equal(new DateOnly(2024, 3, 3), mentions[2].Date.Start);
    }

    [Fact]
    public void IgnoresWordsThatOnlyLookLikeDates()
    {
        Assert.Empty(Resolver.FindAll("Protesters may 5 times march 3 miles; the Mayday sign was unclear."));
        Assert.Null(Resolver.Resolve("not a date"));
    }
}
