using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace Dyad.Reading.Web;

/// <summary>Metadata read from a page's meta tags, JSON-LD, &lt;time&gt; elements, bylines and address.</summary>
internal sealed class HtmlMetadata
{
    public string? Title;
    public DateTimeOffset? Date;
    public string? Author;
    public string? Outlet;
    public string? Url;
    public string? DeclaredLanguage;

    /// <summary>The articleBody of a JSON-LD article object, when the page has one.</summary>
    public string? JsonLdBody;

    private static readonly string[] ArticleTypes =
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting",
        "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle",
        "SocialMediaPosting", "WebPage", "Blog",
    };

    private static readonly string[] DateMetaNames =
    {
        "article:published_time", "og:article:published_time", "article:published", "published_time", "datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created",
        "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
        "original-publish-date", "dc.date.created", "og:updated_time", "article:modified_time", "last-modified",
    };

    public static HtmlMetadata Read(IDocument document, string? url, string? rawHtml = null)
    {
        var meta = new HtmlMetadata { Url = url };
        var metaValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var found = new Found();
        Scan(document, metaValues, found, readScripts: rawHtml is null);

        meta.DeclaredLanguage = document.DocumentElement?.GetAttribute("lang") ?? Get(metaValues, "og:locale", "content-language", "language");

        // JSON-LD first: it is the most structured.
        if (rawHtml is not null)
        {
            foreach (var json in JsonLdBlocks(rawHtml)) meta.ReadJsonLd(json);
        }
        else
        {
            foreach (var json in found.JsonLd) meta.ReadJsonLd(json);
        }

        meta.Title = Clean(Get(metaValues, "og:title", "twitter:title", "title", "dc.title", "headline", "sailthru.title")) ?? meta.Title;
        if (meta.Title is null)
        {
            meta.Title = Clean(found.H1?.TextContent) ?? Clean(StripSiteSuffix(found.TitleText));
        }

        if (meta.Date is null)
        {
            foreach (var name in DateMetaNames)
            {
                if (metaValues.TryGetValue(name, out var v) && TryParseDate(v, out var d))
                {
                    meta.Date = d;
                    break;
                }
            }
        }
        if (meta.Date is null)
        {
            string? dt = (found.TimePublished ?? found.TimePubdate ?? found.Time)?.GetAttribute("datetime");
            if (dt is not null && TryParseDate(dt, out var d)) meta.Date = d;
        }

        meta.Author ??= AuthorFromMeta(metaValues) ?? AuthorFromPage(found);
        meta.Outlet ??= Clean(Get(metaValues, "og:site_name", "application-name", "publisher", "twitter:site", "dc.publisher", "cre"));
        if (meta.Outlet is not null && meta.Outlet.StartsWith('@')) meta.Outlet = meta.Outlet[1..];

        string? canonical = found.Canonical ?? Get(metaValues, "og:url");
        if (meta.Url is null && canonical is not null && Uri.TryCreate(canonical, UriKind.Absolute, out _)) meta.Url = canonical;
        if (meta.Date is null && meta.Url is not null && TryDateFromUrl(meta.Url, out var ud)) meta.Date = ud;
        if (meta.Outlet is null && meta.Url is not null && Uri.TryCreate(meta.Url, UriKind.Absolute, out var uri))
        {
            string host = uri.Host;
            meta.Outlet = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
        }
        return meta;
    }

    /// <summary>What one walk over the elements turns up.</summary>
    private sealed class Found
    {
        public IElement? H1, TimePublished, TimePubdate, Time, AuthorName, AuthorProp, RelAuthor, BylineClass;
        public string? Canonical, TitleText;
        public List<string> JsonLd = new();
    }

    // One iterative pass over all elements instead of a selector query per field.
    private static void Scan(IDocument document, Dictionary<string, string> metaValues, Found found, bool readScripts)
    {
        if (document.DocumentElement is null) return;
        var stack = new Stack<(IElement Element, bool InAuthor)>();
        stack.Push((document.DocumentElement, false));
        while (stack.Count > 0)
        {
            var (el, inAuthor) = stack.Pop();
            string tag = el.LocalName;
            bool author = inAuthor;
            switch (tag)
            {
                case "meta":
                {
                    string? key = el.GetAttribute("property") ?? el.GetAttribute("name") ?? el.GetAttribute("itemprop") ?? el.GetAttribute("http-equiv");
                    string? content = el.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content)) metaValues.TryAdd(key.Trim(), content.Trim());
                    continue;
                }
                case "script":
                    if (readScripts && el.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) found.JsonLd.Add(el.TextContent);
                    continue;
                case "style" or "svg" or "noscript" or "template":
                    continue;
                case "title":
                    found.TitleText ??= el.TextContent;
                    continue;
                case "link":
                    if (found.Canonical is null && string.Equals(el.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase)) found.Canonical = el.GetAttribute("href");
                    continue;
                case "h1":
                    found.H1 ??= el;
                    break;
                case "time":
                    if (el.HasAttribute("datetime"))
                    {
                        found.Time ??= el;
                        if (el.HasAttribute("pubdate")) found.TimePubdate ??= el;
                        if (string.Equals(el.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase)) found.TimePublished ??= el;
                    }
                    break;
            }
            string? itemprop = el.GetAttribute("itemprop");
            if (itemprop is not null)
            {
                if (itemprop.Equals("author", StringComparison.OrdinalIgnoreCase))
                {
                    found.AuthorProp ??= el;
                    author = true;
                }
                else if (inAuthor && itemprop.Equals("name", StringComparison.OrdinalIgnoreCase))
                {
                    found.AuthorName ??= el;
                }
            }
            if (found.RelAuthor is null && tag is "a" or "link" && string.Equals(el.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase) && tag == "a") found.RelAuthor = el;
            if (found.BylineClass is null && el.GetAttribute("class") is { } cls && IsBylineClass(cls)) found.BylineClass = el;
            for (var child = el.LastElementChild; child is not null; child = child.PreviousElementSibling)
            {
                stack.Push((child, author));
            }
        }
    }

    private static bool IsBylineClass(string cls)
    {
        if (!cls.Contains("author", StringComparison.Ordinal) && !cls.Contains("byline", StringComparison.Ordinal)) return false;
        foreach (var part in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "byline" or "author" or "byline-name" or "author-name" or "byline__name" or "author__name") return true;
        }
        return false;
    }

    /// <summary>The contents of &lt;script type="application/ld+json"&gt; blocks, found in the raw HTML.</summary>
    internal static IEnumerable<string> JsonLdBlocks(string html)
    {
        int from = 0;
        while (true)
        {
            int k = html.IndexOf("ld+json", from, StringComparison.OrdinalIgnoreCase);
            if (k < 0) yield break;
            int tagStart = html.LastIndexOf('<', k);
            int gt = html.IndexOf('>', k);
            if (tagStart < 0 || gt < 0) yield break;
            from = gt + 1;
            if (string.Compare(html, tagStart, "<script", 0, 7, StringComparison.OrdinalIgnoreCase) != 0) continue;
            int end = html.IndexOf("</script", gt, StringComparison.OrdinalIgnoreCase);
            if (end < 0) yield break;
            yield return html[(gt + 1)..end];
            from = end;
        }
    }

    private static string? AuthorFromMeta(Dictionary<string, string> values)
    {
        string? a = Get(values, "author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator", "twitter:creator");
        if (a is null) return null;
        if (a.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            // article:author is often a profile address; keep its last path part as a name.
            if (!Uri.TryCreate(a, UriKind.Absolute, out var u)) return null;
            string last = u.AbsolutePath.TrimEnd('/');
            last = last[(last.LastIndexOf('/') + 1)..];
            if (last.Length == 0 || u.Host.Contains("facebook", StringComparison.OrdinalIgnoreCase)) return null;
            return Clean(last.Replace('-', ' ').Replace('_', ' '));
        }
        if (a.StartsWith('@')) return null;
        return StripBy(Clean(a));
    }

    private static string? AuthorFromPage(Found found)
    {
        var el = found.AuthorName ?? found.AuthorProp ?? found.RelAuthor ?? found.BylineClass;
        string? text = Clean(el?.TextContent);
        if (text is null || text.Length > 100) return null;
        return StripBy(text);
    }

    private static string? StripBy(string? text)
    {
        if (text is null) return null;
        if (text.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) text = text[3..].Trim();
        return text.Length == 0 ? null : text;
    }

    private void ReadJsonLd(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            Visit(doc.RootElement, 0);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the other sources still apply.
        }
    }

    private void Visit(JsonElement e, int depth)
    {
        if (depth > 8) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Visit(item, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("@graph", out var graph)) Visit(graph, depth + 1);
        if (!IsArticleType(e)) return;
        bool isPage = TypeIs(e, "WebPage") || TypeIs(e, "Blog");
        if (!isPage || Title is null)
        {
            if (Str(e, "headline") is { } h) Title ??= Clean(h);
        }
        if (Date is null && Str(e, "datePublished") is { } dp && TryParseDate(dp, out var d)) Date = d;
        if (Author is null && e.TryGetProperty("author", out var author)) Author = Names(author);
        if (Outlet is null && e.TryGetProperty("publisher", out var pub)) Outlet = Names(pub);
        if (!isPage && Str(e, "articleBody") is { } body && body.Length > (JsonLdBody?.Length ?? 0)) JsonLdBody = body;
    }

    private static bool IsArticleType(JsonElement e)
    {
        foreach (var t in ArticleTypes)
        {
            if (TypeIs(e, t)) return true;
        }
        return false;
    }

    private static bool TypeIs(JsonElement e, string type)
    {
        if (!e.TryGetProperty("@type", out var t)) return false;
        if (t.ValueKind == JsonValueKind.String) return string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase);
        if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in t.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String && string.Equals(x.GetString(), type, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Names(JsonElement e)
    {
        var names = new List<string>();
        void Add(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.String)
            {
                string? s = Clean(x.GetString());
                if (s is not null && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase)) names.Add(s);
            }
            else if (x.ValueKind == JsonValueKind.Object && Str(x, "name") is { } n && Clean(n) is { } cn)
            {
                names.Add(cn);
            }
        }
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray()) Add(x);
        }
        else
        {
            Add(e);
        }
        return names.Count == 0 ? null : string.Join(", ", names.Distinct(StringComparer.Ordinal));
    }

    private static string? Get(Dictionary<string, string> values, params string[] keys)
    {
        foreach (var k in keys)
        {
            if (values.TryGetValue(k, out var v) && v.Length > 0) return v;
        }
        return null;
    }

    internal static string? Clean(string? s)
    {
        if (s is null) return null;
        var t = WebText.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(s));
        return t.Length == 0 ? null : t;
    }

    private static string? StripSiteSuffix(string? title)
    {
        if (title is null) return null;
        foreach (var sep in new[] { " | ", " - ", " — ", " – ", " :: " })
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 15) return title[..i];
        }
        return title;
    }

    /// <summary>Parses the date formats pages use (ISO 8601, RFC 1123, "November 19, 2019", "20191119").</summary>
    public static bool TryParseDate(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        string v = value.Trim();
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, styles, out date)) return Plausible(date);
        if (v.Length == 8 && DateTimeOffset.TryParseExact(v, "yyyyMMdd", CultureInfo.InvariantCulture, styles, out date)) return Plausible(date);
        string[] formats = { "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd'T'HHmmssK", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy" };
        if (DateTimeOffset.TryParseExact(v, formats, CultureInfo.InvariantCulture, styles, out date)) return Plausible(date);
        // Unix seconds or milliseconds.
        if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 100_000_000)
        {
            try
            {
                date = n > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(n) : DateTimeOffset.FromUnixTimeSeconds(n);
                return Plausible(date);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }
        // "Nov. 19, 2019 5:06 pm ET" and the like: take the leading date.
        int cut = v.IndexOfAny(new[] { 'T', '|' }, Math.Min(10, v.Length));
        if (cut > 0 && DateTimeOffset.TryParse(v[..cut].Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture, styles, out date)) return Plausible(date);
        return false;
    }

    private static bool Plausible(DateTimeOffset d) => d.Year is >= 1990 and <= 2100;

    internal static bool TryDateFromUrl(string url, out DateTimeOffset date)
    {
        date = default;
        // /2019/11/19/ or /2019-11-19/ or /20191119/
        var m = System.Text.RegularExpressions.Regex.Match(url, @"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|_|$)");
        if (!m.Success) return false;
        int y = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        int mo = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        int da = int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (da > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateTimeOffset(y, mo, da, 0, 0, 0, TimeSpan.Zero);
        return true;
    }
}
