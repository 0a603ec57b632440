using System.Text;
using Dyad.Reading.Web;
using static Dyad.Tests.Web.WebTestPages;

namespace Dyad.Tests.Web;

public class RobustnessTests
{
    [Fact]
    public void NeverThrowsOnCutOrMangledPages()
    {
        string page = NewsPage();
        for (int cut = 0; cut < page.Length; cut += 37)
        {
            var article = HtmlArticleExtractor.Default.Extract(page[..cut]);
            Assert.NotNull(article.Text);
        }
        var random = new Random(42);
        for (int k = 0; k < 50; k++)
        {
            var bytes = new byte[random.Next(1, 5000)];
            random.NextBytes(bytes);
            HtmlArticleExtractor.Default.TryExtract(bytes, k % 2 == 0 ? "utf-8" : null, null, out var article, out _);
            Assert.NotNull(article.Text);
        }
    }

    [Fact]
    public void CutsScriptsStylesAndCommentsBeforeParsing()
    {
        string html = "<p>One</p><script>if (a < b) document.write('</p><p>fake');</script><STYLE>p{}</STYLE><!-- <p>hidden</p> --><svg><text>icon</text></svg><p>Two</p><script src=x>";

        string stripped = HtmlPreStrip.Strip(html);

        Assert.Equal("<p>One</p>    <p>Two</p><script src=x>", stripped);
        Assert.Equal("x", HtmlPreStrip.Strip("x"));
        Assert.Equal("One\n\nTwo", HtmlArticleExtractor.HtmlFragmentToText(html));
    }

    [Theory]
    [InlineData("<b>", 100_000)]
    [InlineData("<table><tr><td>", 20_000)]
    [InlineData("<ul><li>", 50_000)]
    [InlineData("<span>", 100_000)]
    [InlineData("<", 200_000)]
    [InlineData("<!--", 50_000)]
    [InlineData("<a href=\"x\">", 50_000)]
    public void KeepsTheArticleOnPathologicalMarkup(string unit, int count)
    {
        var sb = new StringBuilder("<html><body><p>");
        sb.Append(ArticleParagraph1).Append("</p>");
        for (int i = 0; i < count; i++) sb.Append(unit);
        sb.Append("text at the end");

        var article = HtmlArticleExtractor.Default.Extract(sb.ToString());

        Assert.StartsWith(ArticleParagraph1[..40], article.Text);
    }
}
