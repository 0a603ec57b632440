using System.Text;
using Dyad.Reading.Web;
using static Dyad.Tests.Web.WebTestPages;

namespace Dyad.Tests.Web;

public class FeedReaderTests
{
    private static List<WebReadResult> Read(string xml, string name = "feed.xml") =>
        new FeedReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), name).ToList();

    [Fact]
    public void ReadsRssItemsFromContentEncodedOrDescription()
    {
        string rss = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Example Wire</title><language>en-us</language><link>https://wire.example.com/</link>
              <item><title>Ceasefire talks open</title><link>https://wire.example.com/1</link>
                <pubDate>Tue, 05 Mar 2024 14:30:00 GMT</pubDate><dc:creator>Jane Reporter</dc:creator>
                <description>Short teaser only.</description>
                <content:encoded><![CDATA[<p>{{ArticleParagraph1}}</p><p>{{ArticleParagraph2}}</p>]]></content:encoded></item>
              <item><title>Second &lt;i&gt;story&lt;/i&gt;</title><link>https://wire.example.com/2</link>
                <pubDate>Wed, 06 Mar 2024 09:00:00 EST</pubDate>
                <description>&lt;p&gt;{{ArticleParagraph3}}&lt;/p&gt;</description></item>
            </channel></rss>
            """;

        var results = Read(rss);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.IsArticle, r.ToString()));
        var first = results[0].Article!;
        Assert.Equal(ArticleParagraph1 + "\n\n" + ArticleParagraph2, first.Text);
        Assert.Equal("Ceasefire talks open", first.Title);
        Assert.Equal("Example Wire", first.Outlet);
        Assert.Equal("Jane Reporter", first.Author);
        Assert.Equal("https://wire.example.com/1", first.Url);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.Zero), first.Date);
        Assert.Equal("feed.xml#1", results[0].Source);
        var second = results[1].Article!;
        Assert.Equal(ArticleParagraph3, second.Text);
        Assert.Equal("Second story", second.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.FromHours(-5)), second.Date);
    }

    [Fact]
    public void ReadsAtomEntriesFromContentOrSummary()
    {
        string atom = $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Example Atom News</title>
              <entry><title>Talks</title><link rel="alternate" href="https://atom.example.com/a"/>
                <published>2024-03-05T14:30:00Z</published><author><name>Ann Author</name></author>
                <content type="html">&lt;p&gt;{{ArticleParagraph1}}&lt;/p&gt;</content></entry>
              <entry><title type="text">Summary only</title><link href="https://atom.example.com/b"/>
                <updated>2024-03-07T10:00:00+02:00</updated>
                <summary type="text">{{ArticleParagraph2}}</summary></entry>
              <entry><title>XHTML</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{{ArticleParagraph3}}</p></div></content></entry>
            </feed>
            """;

        var results = Read(atom, "news.atom");

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsArticle, r.ToString()));
        Assert.Equal(ArticleParagraph1, results[0].Article!.Text);
        Assert.Equal("Ann Author", results[0].Article!.Author);
        Assert.Equal("Example Atom News", results[0].Article!.Outlet);
        Assert.Equal("https://atom.example.com/a", results[0].Article!.Url);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.Zero), results[0].Article!.Date);
        Assert.Equal(ArticleParagraph2, results[1].Article!.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 10, 0, 0, TimeSpan.FromHours(2)), results[1].Article!.Date);
        Assert.Equal(ArticleParagraph3, results[2].Article!.Text);
    }

    [Fact]
    public void ReadsAMinifiedFeedWithoutWhitespaceBetweenElements()
    {
        string rss = $"<rss><channel><language>en</language><title>Tight Wire</title><item><title>A</title><description>{ArticleParagraph1}</description></item><item><title>B</title><description>{ArticleParagraph2}</description></item></channel></rss>";

        var results = Read(rss);

        Assert.Equal(2, results.Count);
        Assert.Equal("Tight Wire", results[0].Article!.Outlet);
        Assert.Equal("B", results[1].Article!.Title);
        Assert.Equal(ArticleParagraph2, results[1].Article!.Text);
    }

    [Fact]
    public void SkipsAForeignLanguageItemWithANote()
    {
        string rss = """
            <rss><channel><title>Le Fil</title><language>fr</language>
            <item><title>Négociations</title><description>Les ministres des deux pays se sont réunis mardi à Genève pour discuter d'un cessez-le-feu le long de la frontière contestée.</description></item>
            </channel></rss>
            """;

        var only = Assert.Single(Read(rss));

        Assert.Equal(WebReadStatus.Skipped, only.Status);
        Assert.Equal("fr", only.Article!.Language);
    }

    [Fact]
    public void ReportsInvalidXmlAfterTheGoodItems()
    {
        string rss = $"""
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>Fine</title><description>{ArticleParagraph1}</description></item>
            <item><title>Bad</title><description>unclosed <b>tag</description></item>
            <item><title>Never read</title><description>{ArticleParagraph2}</description></item>
            </channel></rss>
            """;

        var results = Read(rss, "broken.rss");

        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsArticle);
        Assert.Equal(WebReadStatus.Error, results[1].Status);
        Assert.Contains("broken.rss", results[1].Message, StringComparison.Ordinal);
        Assert.Contains("invalid XML after item 1", results[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsAFileThatIsNotAFeed()
    {
        var results = Read("<html><body>hi</body></html>", "page.xml");

        var only = Assert.Single(results);
        Assert.Equal(WebReadStatus.Error, only.Status);
        Assert.Contains("not an RSS or Atom feed", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsAFeedFileThroughWebReader()
    {
        string dir = TempDir();
        string path = Path.Combine(dir, "wire.rss");
        File.WriteAllText(path, $"<rss><channel><title>W</title><item><title>T</title><description>{ArticleParagraph1}</description></item></channel></rss>");

        var results = new WebReader().Read(path).ToList();

        Assert.Equal(WebInputKind.Feed, WebReader.KindOf(path));
        Assert.Equal(ArticleParagraph1, Assert.Single(results).Article!.Text);
        Directory.Delete(dir, true);
    }
}
