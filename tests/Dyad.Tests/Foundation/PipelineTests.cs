using Dyad.Coding;
using Dyad.Documents;
using Dyad.Errors;
using Dyad.Pipeline;
using Dyad.Util;

namespace Dyad.Tests.Foundation;

public class PipelineTests
{
    [Fact]
    public void Building_a_pipeline_without_a_required_layer_names_what_is_missing()
    {
        var ex = Assert.Throws<DyadException>(() => new PipelineBuilder().UseCleaner().UseCoder().Build());
        Assert.Equal("DY001", ex.Error.Code);
        Assert.Contains("'coder' requires", ex.Message);
        Assert.Contains("Tokens", ex.Message);
        Assert.Contains("Actors", ex.Message);
        Assert.Contains("the tokenizer", ex.Message);
    }

    [Fact]
    public void The_default_pipeline_builds_and_provides_events()
    {
        Assert.True(DyadEngine.Default.Provides.HasFlag(Annotation.Events));
    }

    [Fact]
    public void Article_ids_are_stable_16_hex_digit_content_hashes()
    {
        var a = new Article("Title", "Body text.");
        var b = new Article("Title", "Body text.", new DateOnly(2020, 1, 1));
        var c = new Article("Title", "Body text!");
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^[0-9a-f]{16}$", a.Id.ToString());
        Assert.True(ArticleId.TryParse(a.Id.ToString(), out var parsed));
        Assert.Equal(a.Id, parsed);
    }

    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void XxHash64_matches_the_reference_vectors(string input, ulong expected) =>
        Assert.Equal(expected, XxHash64.HashUtf8(input));

    [Fact]
    public void XxHash64_long_inputs_use_the_striped_path_consistently()
    {
        var text = new string('x', 100);
        Assert.Equal(XxHash64.HashUtf8(text), XxHash64.Hash(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.NotEqual(XxHash64.HashUtf8(text), XxHash64.HashUtf8(text + "y"));
    }

    [Theory]
    [InlineData("041", "04", "041")]
    [InlineData("1384", "13", "138")]
    [InlineData("20", "20", "20")]
    public void Cameo_codes_parse(string text, string root, string baseCode)
    {
        var c = CameoCode.Parse(text);
        Assert.Equal(root, c.Root);
        Assert.Equal(baseCode, c.Base);
    }

    [Theory]
    [InlineData("21")]
    [InlineData("00")]
    [InlineData("4")]
    [InlineData("04a")]
    [InlineData("12345")]
    public void Invalid_cameo_codes_are_refused(string text) => Assert.False(CameoCode.TryParse(text, out _));

    [Fact]
    public void Code_table_has_gdelt_values_and_plover()
    {
        var t = CameoTable.Default;
        Assert.Equal(311, t.Count);
        var phone = t.Lookup("041")!;
        Assert.Equal(1.0, phone.Goldstein);
        Assert.Equal(1, phone.QuadClass);
        Assert.Equal("CONSULT", phone.PloverEvent);
        Assert.Equal("phone", phone.PloverMode);
        Assert.Equal(4, t.Lookup("190")!.QuadClass);
        Assert.Equal(-10.0, t.Lookup("190")!.Goldstein);
    }
}
