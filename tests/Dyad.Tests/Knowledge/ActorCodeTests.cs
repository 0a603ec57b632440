using Dyad.Knowledge;

namespace Dyad.Tests.Knowledge;

public sealed class ActorCodeTests
{
    [Theory]
    [InlineData("USA")]
    [InlineData("USAGOV")]
    [InlineData("IGOUNO")]
    [InlineData("USAGOVMIL")]
    [InlineData("NGOHRI")]
    public void Valid_codes_parse(string text)
    {
        Assert.True(ActorCode.TryParse(text, out var code));
        Assert.Equal(text, code.ToString());
        Assert.Equal(ActorCode.Parse(text), code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USAG")]
    [InlineData("usagov")]
    [InlineData("USA GOV")]
    [InlineData("USAGOVMILREBOPPCVLBUS")]
    public void Invalid_codes_fail(string text)
    {
        Assert.False(ActorCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ActorCode.Parse(text));
    }

    [Fact]
    public void Segments_and_append()
    {
        var c = ActorCode.Parse("USAGOVMIL");
        Assert.Equal("USA", c.Root.ToString());
        Assert.Equal(2, c.SegmentCount);
        Assert.Equal("MIL", c.Segment(1).ToString());
        Assert.True(c.HasSegment("GOV"));
        Assert.Equal("USAGOV", ActorCode.Parse("USA").Append("GOV").Value);
        Assert.Equal("USAGOVMIL", ActorCode.Parse("USAGOV").Append("GOVMIL").Value);
        Assert.True(default(ActorCode).IsEmpty);
        Assert.Equal("", default(ActorCode).ToString());
        Assert.True(ActorCode.Parse("KORGOV") == ActorCode.Parse("KORGOV"));
        Assert.Same(ActorCode.Parse("KORGOV").Value, ActorCode.Parse("KORGOV").Value);
    }
}

public sealed class CoordinateParsingTests
{
    [Theory]
    [InlineData("37.566", 375660)]
    [InlineData("-1.5167", -15167)]
    [InlineData("0", 0)]
    [InlineData("90", 900000)]
    [InlineData("-180", -1800000)]
    [InlineData("126.9784", 1269784)]
    public void Parses_fixed_point(string text, int expected)
    {
        Assert.True(KnowledgeParser.TryE4(text, 180, out int v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.23456")]
    [InlineData("1.2.3")]
    [InlineData("12.")]
    [InlineData("181")]
    [InlineData("1e5")]
    public void Rejects_bad_numbers(string text) => Assert.False(KnowledgeParser.TryE4(text, 180, out _));
}
