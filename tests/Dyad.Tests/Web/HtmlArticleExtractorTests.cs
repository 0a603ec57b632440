using System.Text;
using Dyad.Reading.Web;
using static Dyad.Tests.Web.WebTestPages;

namespace Dyad.Tests.Web;

public class HtmlArticleExtractorTests
{
    [Fact]
    public void KeepsTheArticleParagraphsAndDropsThePageFurniture()
    {
        var article = HtmlArticleExtractor.Default.Extract(NewsPage());

        Assert.Equal(string.Join("\n\n", ArticleParagraph1, ArticleParagraph2, ArticleParagraph3), article.Text);
        foreach (var junk in new[] { "cookies", "Sports", "Sign up", "Advertisement", "Share on", "Related", "Border clashes", "Great article", "Copyright", "Delegates arrive", "By Jane" })
        {
            Assert.DoesNotContain(junk, article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadsMetadataFromJsonLdOpenGraphAndTheCanonicalLink()
    {
        var article = HtmlArticleExtractor.Default.Extract(NewsPage());

        Assert.Equal("Ceasefire talks open in Geneva", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.FromHours(1)), article.Date);
        Assert.Equal("Jane Reporter", article.Author);
        Assert.Equal("The Daily Example", article.Outlet);
        Assert.Equal("https://news.example.org/world/2024/03/05/ceasefire-talks", article.Url);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void FallsBackToBylineTimeElementAndTitleWithoutStructuredData()
    {
        string html = $"""
            <html><head><title>Floods hit the north - Example Herald</title></head><body>
            <article><h1>Floods hit the north</h1><p class="byline">By <a rel="author" href="/staff/tom">Tom Writer</a></p>
            <time datetime="2023-10-02T08:00:00Z">October 2</time>
            <p>{ArticleParagraph1}</p><p>{ArticleParagraph2}</p><p>{ArticleParagraph3}</p></article></body></html>
            """;

        var article = HtmlArticleExtractor.Default.Extract(html, "https://herald.example.com/floods");

        Assert.Equal("Floods hit the north", article.Title);
        Assert.Equal("Tom Writer", article.Author);
        Assert.Equal(new DateTimeOffset(2023, 10, 2, 8, 0, 0, TimeSpan.Zero), article.Date);
        Assert.Equal("herald.example.com", article.Outlet);
        Assert.StartsWith(ArticleParagraph1, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesOutOtherPostsNestedInThePost()
    {
        string html = $"""
            <html><body><article class="post post-1"><p>{ArticleParagraph1}</p><p>{ArticleParagraph2}</p>
            <article class="post post-2"><p>{ArticleParagraph3}</p></article></article></body></html>
            """;

        var article = HtmlArticleExtractor.Default.Extract(html);

        Assert.Equal(ArticleParagraph1 + "\n\n" + ArticleParagraph2, article.Text);
    }

    [Fact]
    public void TakesTheDateFromTheAddressWhenThePageHasNone()
    {
        var article = HtmlArticleExtractor.Default.Extract(SimplePage("T", $"<p>{ArticleParagraph1}</p>"), "https://example.com/news/2022/11/30/story.html");

        Assert.Equal(new DateTimeOffset(2022, 11, 30, 0, 0, 0, TimeSpan.Zero), article.Date);
    }

    [Fact]
    public void FallsBackToJsonLdArticleBodyWhenThePageIsRenderedByScript()
    {
        string html = $$"""
            <html><head><title>App</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks","articleBody":"{{ArticleParagraph1}}\n{{ArticleParagraph2}}"}</script>
            </head><body><div id="root"></div><script>render()</script></body></html>
            """;

        var article = HtmlArticleExtractor.Default.Extract(html);

        Assert.Equal(ArticleParagraph1 + "\n\n" + ArticleParagraph2, article.Text);
        Assert.Equal("Talks", article.Title);
    }

    [Fact]
    public void ReportsAPageWithoutBody()
    {
        bool ok = HtmlArticleExtractor.Default.TryExtract("<html><head><title>Nothing here</title></head></html>", null, out var article, out string? error);

        Assert.False(ok);
        Assert.Equal("the page has no body", error);
        Assert.Equal("Nothing here", article.Title);
    }

    [Fact]
    public void SurvivesOneHundredThousandNestedDivs()
    {
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) sb.Append("<div>");
        sb.Append("<p>").Append(ArticleParagraph1).Append("</p>");
        for (int i = 0; i < 100_000; i++) sb.Append("</div>");
        sb.Append("</body></html>");

        var article = HtmlArticleExtractor.Default.Extract(sb.ToString());

        Assert.Equal(ArticleParagraph1, article.Text);
    }

    [Fact]
    public void ExtractsTheTextOfATwentyMegabytePage()
    {
        var sb = new StringBuilder("<html><body><div class=\"menu\"><a href=\"/\">Home</a></div><div class=\"content\">");
        while (sb.Length < 20_000_000)
        {
            sb.Append("<div class=\"x\"><p>").Append(ArticleParagraph1).Append(" <a href=\"/l\">link</a></p><p>").Append(ArticleParagraph2).Append("</p></div>");
        }
        sb.Append("</div></body></html>");

        var article = HtmlArticleExtractor.Default.Extract(sb.ToString());

        Assert.True(article.Text.Length > 10_000_000, $"text length {article.Text.Length}");
    }

    [Fact]
    public void FlagsANonEnglishPage()
    {
        string html = SimplePage("Les négociations", """
            <p>Les ministres des deux pays se sont réunis mardi à Genève pour discuter d'un cessez-le-feu le long de la frontière contestée, ont indiqué des responsables.</p>
            <p>Les pourparlers, organisés sous l'égide des Nations unies, ont duré six heures et se sont terminés par une déclaration commune.</p>
            """, lang: "fr");

        var article = HtmlArticleExtractor.Default.Extract(html);
        var result = new HtmlPageReader().ReadBytes(Utf8(html), "fr.html");

        Assert.Equal("fr", article.Language);
        Assert.True(article.IsNonEnglish);
        Assert.Equal(WebReadStatus.Skipped, result.Status);
        Assert.Contains("not English", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertsFeedHtmlFragmentsToParagraphs()
    {
        string text = HtmlArticleExtractor.HtmlFragmentToText("<p>First &amp; <b>bold</b> line.</p><script>x()</script><p>Second line.</p><p>The post Foo appeared first on Bar.</p>");

        Assert.Equal("First & bold line.\n\nSecond line.", text);
    }
}
