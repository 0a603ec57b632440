using System.IO.Compression;
using System.Text;

namespace Dyad.Tests.Web;

/// <summary>Hand-written pages, feeds and archives for the web reader tests.</summary>
internal static class WebTestPages
{
    public const string ArticleParagraph1 = "Ministers from the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said.";
    public const string ArticleParagraph2 = "The talks, brokered by the United Nations, lasted six hours and ended with a joint statement promising further meetings next month.";
    public const string ArticleParagraph3 = "Opposition leaders criticised the agreement, saying it did nothing to address the displacement of thousands of families from the region.";

    public static string NewsPage(string? extraHead = null) => $$$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Ceasefire talks open in Geneva | The Daily Example</title>
          <meta property="og:title" content="Ceasefire talks open in Geneva">
          <meta property="og:site_name" content="The Daily Example">
          <link rel="canonical" href="https://news.example.org/world/2024/03/05/ceasefire-talks">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"NewsArticle","headline":"Ceasefire talks open in Geneva",
           "datePublished":"2024-03-05T14:30:00+01:00","author":[{"@type":"Person","name":"Jane Reporter"}],
           "publisher":{"@type":"Organization","name":"The Daily Example"}}
          </script>
          {{{extraHead}}}
        </head>
        <body>
          <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
          <header class="site-header"><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></header>
          <nav><ul><li><a href="/a">Sports</a></li><li><a href="/b">Business</a></li><li><a href="/c">Opinion</a></li></ul></nav>
          <main>
            <article class="story">
              <h1>Ceasefire talks open in Geneva</h1>
              <div class="byline">By <span class="author">Jane Reporter</span></div>
              <figure><img src="x.jpg"><figcaption>Delegates arrive at the Palais des Nations. Photo: Example Agency</figcaption></figure>
              <div class="story-body">
                <p>{{{ArticleParagraph1}}}</p>
                <p>{{{ArticleParagraph2}}}</p>
                <div class="ad-slot">Advertisement</div>
                <div class="newsletter-signup"><p>Sign up for our daily briefing, delivered to your inbox every morning at six.</p></div>
                <p>{{{ArticleParagraph3}}}</p>
              </div>
              <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
            </article>
            <aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Border clashes leave five dead in overnight fighting</a></li><li><a href="/y">What the ceasefire means for refugees in the region</a></li></ul></aside>
            <section id="comments"><p>Great article, thanks for the thorough reporting, I really learned a lot from it!</p><p>I disagree with the conclusions drawn here, the ceasefire will never hold, mark my words.</p></section>
          </main>
          <footer><p>Copyright 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
        </body>
        </html>
        """;

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>A WARC record with the given headers and block; Content-Length is computed.</summary>
    public static byte[] WarcRecord(string type, string? uri, string contentType, byte[] block, string version = "WARC/1.0")
    {
        var head = new StringBuilder();
        head.Append(version).Append("\r\n");
        head.Append("WARC-Type: ").Append(type).Append("\r\n");
        head.Append("WARC-Record-ID: <urn:uuid:").Append(Guid.NewGuid()).Append(">\r\n");
        head.Append("WARC-Date: 2024-03-05T15:00:00Z\r\n");
        if (uri is not null) head.Append("WARC-Target-URI: ").Append(uri).Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Content-Length: ").Append(block.Length).Append("\r\n\r\n");
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
        bytes.AddRange(block);
        bytes.AddRange("\r\n\r\n"u8.ToArray());
        return bytes.ToArray();
    }

    /// <summary>An HTTP response: status line, headers, blank line, body.</summary>
    public static byte[] HttpResponse(byte[] body, params string[] headers)
    {
        var head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        foreach (var h in headers) head.Append(h).Append("\r\n");
        head.Append("\r\n");
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
        bytes.AddRange(body);
        return bytes.ToArray();
    }

    /// <summary>Chunked transfer encoding of <paramref name="body"/> in chunks of <paramref name="size"/> bytes.</summary>
    public static byte[] Chunked(byte[] body, int size)
    {
        var ms = new MemoryStream();
        for (int i = 0; i < body.Length; i += size)
        {
            int n = Math.Min(size, body.Length - i);
            ms.Write(Encoding.ASCII.GetBytes(n.ToString("x") + ";ext=1\r\n"));
            ms.Write(body, i, n);
            ms.Write("\r\n"u8);
        }
        ms.Write("0\r\n\r\n"u8);
        return ms.ToArray();
    }

    public static string SimplePage(string title, string paragraphs, string lang = "en", string? headExtra = null) => $$"""
        <html lang="{{lang}}"><head><title>{{title}}</title>{{headExtra}}</head>
        <body><div class="menu"><a href="/">Home</a> <a href="/n">News</a></div>
        <div class="article-content">{{paragraphs}}</div></body></html>
        """;

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dyad-web-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
