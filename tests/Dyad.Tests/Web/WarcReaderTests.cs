using System.Text;
using Dyad.Reading.Web;
using static Dyad.Tests.Web.WebTestPages;

namespace Dyad.Tests.Web;

public class WarcReaderTests
{
    private static byte[] PageResponse(string uri, string title, string paragraph, bool chunked = false, bool gzipBody = false)
    {
        byte[] body = Utf8(SimplePage(title, $"<p>{paragraph}</p><p>{ArticleParagraph2}</p>"));
        var headers = new List<string> { "Content-Type: text/html; charset=UTF-8" };
        if (gzipBody)
        {
            body = Gzip(body);
            headers.Add("Content-Encoding: gzip");
        }
        if (chunked)
        {
            body = Chunked(body, 100);
            headers.Add("Transfer-Encoding: chunked");
        }
        return WarcRecord("response", uri, "application/http; msgtype=response", HttpResponse(body, headers.ToArray()));
    }

    private static byte[] Warcinfo() => WarcRecord("warcinfo", null, "application/warc-fields", Utf8("software: dyad-tests\r\nformat: WARC File Format 1.0\r\n"));

    private static byte[] Request(string uri) => WarcRecord("request", uri, "application/http; msgtype=request", Utf8("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"));

    private static List<WebReadResult> Read(byte[] data, string name) => new WarcReader().Read(new MemoryStream(data), name).ToList();

    [Fact]
    public void ReadsHtmlResponsesFromAGzipPerRecordArchive()
    {
        var members = new List<byte[]>
        {
            Gzip(Warcinfo()),
            Gzip(Request("https://a.example.com/one")),
            Gzip(PageResponse("https://a.example.com/one", "One", ArticleParagraph1, chunked: true, gzipBody: true)),
            Gzip(WarcRecord("response", "https://a.example.com/logo.png", "application/http; msgtype=response", HttpResponse([1, 2, 3], "Content-Type: image/png"))),
            Gzip(PageResponse("https://a.example.com/two", "Two", ArticleParagraph3, chunked: false, gzipBody: false)),
        };
        byte[] archive = members.SelectMany(m => m).ToArray();

        var results = Read(archive, "crawl.warc.gz");

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.IsArticle, r.ToString()));
        Assert.Equal("https://a.example.com/one", results[0].Article!.Url);
        Assert.Equal(ArticleParagraph1 + "\n\n" + ArticleParagraph2, results[0].Article!.Text);
        Assert.StartsWith("crawl.warc.gz@", results[0].Source, StringComparison.Ordinal);
        Assert.Equal("https://a.example.com/two", results[1].Article!.Url);
        Assert.StartsWith(ArticleParagraph3, results[1].Article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsABrokenRecordAndReadsTheRecordsAfterIt()
    {
        byte[] good1 = PageResponse("https://b.example.com/1", "One", ArticleParagraph1);
        byte[] broken = Utf8("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nsome junk that is not a record\r\n\r\n");
        byte[] garbage = Utf8("garbage line between records\r\nmore garbage\r\n");
        byte[] good2 = PageResponse("https://b.example.com/2", "Two", ArticleParagraph3);
        byte[] archive = [.. Gzip(good1), .. Gzip(broken), .. Gzip(garbage), .. Gzip(good2)];

        var results = Read(archive, "broken.warc.gz");

        Assert.True(results[0].IsArticle, results[0].ToString());
        Assert.Contains(results, r => r.Status == WebReadStatus.Error && r.Message!.Contains("invalid Content-Length", StringComparison.Ordinal));
        Assert.All(results.Where(r => r.Status == WebReadStatus.Error), r => Assert.Contains("broken.warc.gz", r.Message, StringComparison.Ordinal));
        var last = results[^1];
        Assert.True(last.IsArticle, last.ToString());
        Assert.Equal("https://b.example.com/2", last.Article!.Url);
    }

    [Fact]
    public void ReadsAnUncompressedWarc11Archive()
    {
        byte[] archive = [.. Warcinfo(), .. WarcRecord("response", "https://c.example.com/", "application/http; msgtype=response", HttpResponse(Utf8(SimplePage("C", $"<p>{ArticleParagraph1}</p>")), "Content-Type: text/html"), "WARC/1.1")];

        var results = Read(archive, "plain.warc");

        Assert.Equal(ArticleParagraph1, Assert.Single(results).Article!.Text);
    }

    [Fact]
    public void ReportsATruncatedGzipArchiveAfterTheGoodRecords()
    {
        byte[] first = Gzip(PageResponse("https://d.example.com/1", "One", ArticleParagraph1));
        byte[] second = Gzip(PageResponse("https://d.example.com/2", "Two", ArticleParagraph3));
        byte[] archive = [.. first, .. second.AsSpan(0, second.Length / 2)];

        var results = Read(archive, "cut.warc.gz");

        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsArticle);
        Assert.Equal(WebReadStatus.Error, results[1].Status);
        Assert.Contains("truncated", results[1].Message, StringComparison.Ordinal);
        Assert.Contains("cut.warc.gz", results[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipsACorruptGzipMemberAndReadsTheMembersAfterIt()
    {
        byte[] first = Gzip(PageResponse("https://e.example.com/1", "One", ArticleParagraph1));
        byte[] second = Gzip(PageResponse("https://e.example.com/2", "Two", ArticleParagraph2));
        byte[] third = Gzip(PageResponse("https://e.example.com/3", "Three", ArticleParagraph3));
        // Spoil the compressed data in the middle of the second member (its header stays intact).
        for (int i = 20; i < second.Length - 20; i += 7) second[i] ^= 0x5A;
        byte[] archive = [.. first, .. second, .. third];

        var results = Read(archive, "spoilt.warc.gz");

        Assert.True(results[0].IsArticle, results[0].ToString());
        Assert.Equal("https://e.example.com/1", results[0].Article!.Url);
        var error = Assert.Single(results, r => r.Status == WebReadStatus.Error);
        Assert.Contains("corrupt gzip data", error.Message, StringComparison.Ordinal);
        Assert.Contains($"resumed at the gzip member at offset {first.Length + second.Length}", error.Message, StringComparison.Ordinal);
        Assert.True(results[^1].IsArticle, results[^1].ToString());
        Assert.Equal("https://e.example.com/3", results[^1].Article!.Url);
    }

    [Fact]
    public void ReadsAManyMemberArchiveWhateverTheReadSizes()
    {
        var members = Enumerable.Range(0, 300).Select(i => Gzip(PageResponse($"https://f.example.com/{i}", $"Page {i}", $"{i}: {ArticleParagraph1}"))).ToList();
        byte[] archive = members.SelectMany(x => x).ToArray();

        var results = new WarcReader().Read(new TrickleStream(archive), "many.warc.gz").ToList();

        Assert.Equal(300, results.Count);
        Assert.All(results, r => Assert.True(r.IsArticle, r.ToString()));
        Assert.Equal("https://f.example.com/299", results[^1].Article!.Url);
    }

    /// <summary>A stream that returns at most 777 bytes per read, as slow sources do.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 777));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 777)]);
    }

    [Fact]
    public void ReportsATruncatedGzippedPage()
    {
        string dir = TempDir();
        byte[] gz = Gzip(Utf8(new WebTestPagesBig().Page));
        string path = Path.Combine(dir, "page.html.gz");
        File.WriteAllBytes(path, gz.AsSpan(0, gz.Length * 2 / 3).ToArray());
        string good = Path.Combine(dir, "good.htm.gz");
        File.WriteAllBytes(good, gz);

        var cut = Assert.Single(new WebReader().Read(path));
        var whole = Assert.Single(new WebReader().Read(good));

        Assert.Equal(WebReadStatus.Error, cut.Status);
        Assert.Contains("page.html.gz", cut.Message, StringComparison.Ordinal);
        Assert.Contains("truncated gzip", cut.Message, StringComparison.Ordinal);
        Assert.True(whole.IsArticle, whole.ToString());
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("crawl.warc.gz", WebInputKind.Warc)]
    [InlineData("CRAWL.WARC", WebInputKind.Warc)]
    [InlineData("page.html", WebInputKind.Html)]
    [InlineData("page.htm.gz", WebInputKind.Html)]
    [InlineData("page.xhtml", WebInputKind.Html)]
    [InlineData("wire.rss", WebInputKind.Feed)]
    [InlineData("news.atom", WebInputKind.Feed)]
    [InlineData("feed.xml", WebInputKind.Feed)]
    [InlineData("feed.xml.gz", WebInputKind.None)]
    [InlineData("notes.txt", WebInputKind.None)]
    public void PicksTheReaderByFileName(string name, WebInputKind kind) => Assert.Equal(kind, WebReader.KindOf(name));

    [Fact]
    public void ReadsAWarcFileFromDiskThroughWebReader()
    {
        string dir = TempDir();
        string path = Path.Combine(dir, "disk.warc.gz");
        File.WriteAllBytes(path, [.. Gzip(Warcinfo()), .. Gzip(PageResponse("https://g.example.com/", "G", ArticleParagraph1, chunked: true))]);

        var result = Assert.Single(new WebReader().Read(path));
        var missing = Assert.Single(new WebReader().Read(Path.Combine(dir, "missing.warc")));

        Assert.Equal("https://g.example.com/", result.Article!.Url);
        Assert.Equal(WebReadStatus.Error, missing.Status);
        Assert.Contains("cannot read missing.warc", missing.Message, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ReportsAnHtmlFileWithoutBody()
    {
        string dir = TempDir();
        string path = Path.Combine(dir, "empty.html");
        File.WriteAllText(path, "<html><head><title>x</title></head></html>");

        var result = Assert.Single(new WebReader().Read(path));

        Assert.Equal(WebReadStatus.Error, result.Status);
        Assert.Equal("empty.html: the page has no body", result.Message);
        Directory.Delete(dir, true);
    }

    private sealed class WebTestPagesBig
    {
        public string Page { get; } = SimplePage("Big", string.Concat(Enumerable.Range(0, 200).Select(i => $"<p>{i}: {ArticleParagraph1} {Guid.NewGuid()}</p>")));
    }
}
