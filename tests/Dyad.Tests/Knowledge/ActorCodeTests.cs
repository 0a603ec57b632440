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
