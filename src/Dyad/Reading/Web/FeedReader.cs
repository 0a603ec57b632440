using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dyad.Reading.Web;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item, its text from content:encoded / content, or
/// from description / summary when that is all there is, with HTML stripped. Invalid XML ends the feed with an error
/// naming the item and line; the items before it are kept.
/// </summary>
public sealed class FeedReader
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private readonly WebReadOptions _options;

    /// <summary>Creates a reader with the given settings (defaults when null).</summary>
    public FeedReader(WebReadOptions? options = null) => _options = options ?? WebReadOptions.Default;

    /// <summary>Reads a feed file.</summary>
    public IEnumerable<WebReadResult> Read(string path) => WebFiles.Read(path, Read);

    /// <summary>Reads a feed from a stream; <paramref name="source"/> names it in messages.</summary>
    public IEnumerable<WebReadResult> Read(Stream stream, string source)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            MaxCharactersFromEntities = 1_000_000,
        };
        using var reader = XmlReader.Create(stream, settings);
        var state = new FeedState();
        int item = 0;
        bool sawFeed = false;
        while (true)
        {
            XElement? element = null;
            string? error = null;
            try
            {
                element = NextItem(reader, state);
            }
            catch (XmlException ex)
            {
                error = $"{source}: invalid XML after item {item} (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}";
            }
            if (error is not null)
            {
                yield return WebReadResult.Fail($"{source}#{item + 1}", error);
                yield break;
            }
            if (element is null) break;
            sawFeed = true;
            item++;
            yield return ReadItem(element, state, $"{source}#{item}");
        }
        if (!sawFeed && !state.IsFeed)
        {
            yield return WebReadResult.Fail(source, $"{source}: not an RSS or Atom feed (no channel, feed, item or entry element)");
        }
    }

    private sealed class FeedState
    {
        public string? Title;
        public string? Language;
        public bool IsFeed;
        public bool Positioned;
    }

    // Advances to the next <item>/<entry> and loads it; picks up the channel title and language on the way.
    private static XElement? NextItem(XmlReader reader, FeedState state)
    {
        while (true)
        {
            // After ReadFrom or ReadElementContentAsString the reader already stands on the next, unseen node.
            if (!state.Positioned && !reader.Read()) return null;
            state.Positioned = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            string name = reader.LocalName;
            if (IsItem(reader))
            {
                var item = (XElement)XNode.ReadFrom(reader);
                state.Positioned = true;
                return item;
            }
            if (name is "rss" or "feed" or "RDF" or "channel")
            {
                state.IsFeed = true;
                if (reader.GetAttribute("xml:lang") is { } lang) state.Language ??= lang;
                continue;
            }
            if (state.IsFeed && name == "title" && reader.Depth <= 2)
            {
                string title = reader.ReadElementContentAsString();
                state.Title ??= HtmlMetadata.Clean(title);
                state.Positioned = true;
                continue;
            }
            if (state.IsFeed && name == "language" && reader.Depth <= 2)
            {
                string language = reader.ReadElementContentAsString().Trim();
                if (language.Length > 0) state.Language ??= language;
                state.Positioned = true;
            }
        }
    }

    private static bool IsItem(XmlReader reader) =>
        reader.NodeType == XmlNodeType.Element && (reader.LocalName == "item" || (reader.LocalName == "entry" && reader.NamespaceURI.Contains("Atom", StringComparison.OrdinalIgnoreCase)) || (reader.LocalName == "entry" && reader.NamespaceURI.Length == 0));

    private WebReadResult ReadItem(XElement item, FeedState state, string source)
    {
        string? title = HtmlMetadata.Clean(StripTags(Child(item, "title")?.Value));
        string? link = LinkOf(item);
        string? html = Child(item, "encoded", ContentNs)?.Value;
        string text = string.Empty;
        var content = Child(item, "content");
        if (string.IsNullOrWhiteSpace(html) && content is not null)
        {
            string type = (string?)content.Attribute("type") ?? "text";
            if (type == "xhtml")
            {
                html = string.Concat(content.Nodes().Select(n => n.ToString()));
            }
            else if (type is "text" or "text/plain")
            {
                text = WebText.CollapseWhitespace(content.Value);
            }
            else
            {
                html = content.Value;
            }
        }
        if (string.IsNullOrWhiteSpace(html) && text.Length == 0)
        {
            html = Child(item, "description")?.Value ?? Child(item, "summary")?.Value;
        }
        if (text.Length == 0 && !string.IsNullOrWhiteSpace(html)) text = HtmlArticleExtractor.HtmlFragmentToText(html);
        if (text.Length == 0)
        {
            return WebReadResult.Fail(source, $"{source}: the item has no text (no content, description or summary)");
        }

        DateTimeOffset? date = null;
        foreach (var name in new[] { "pubDate", "published", "date", "issued", "updated", "modified" })
        {
            var d = Child(item, name);
            if (d is not null && TryParseFeedDate(d.Value, out var parsed))
            {
                date = parsed;
                break;
            }
        }
        var authorElement = Child(item, "author"); // RSS: text; Atom: <name> inside
        string? author = HtmlMetadata.Clean(Child(item, "creator", DcNs)?.Value) ?? HtmlMetadata.Clean(Child(authorElement, "name")?.Value ?? authorElement?.Value);
        string? declared = (string?)item.Attribute(XNamespace.Xml + "lang") ?? state.Language;
        var article = new WebArticle
        {
            Text = text,
            Title = title,
            Date = date,
            Author = author,
            Outlet = state.Title,
            Url = link,
            Language = LanguageCheck.Identify(text, declared),
        };
        return _options.Finish(source, article);
    }

    private static string? StripTags(string? s) => s is null || s.IndexOf('<') < 0 ? s : HtmlArticleExtractor.HtmlFragmentToText(s);

    private static XElement? Child(XElement? parent, string localName, string? ns = null)
    {
        if (parent is null) return null;
        foreach (var e in parent.Elements())
        {
            if (e.Name.LocalName == localName && (ns is null || e.Name.NamespaceName == ns)) return e;
        }
        return null;
    }

    private static string? LinkOf(XElement item)
    {
        string? fallback = null;
        foreach (var e in item.Elements())
        {
            if (e.Name.LocalName != "link") continue;
            string? href = (string?)e.Attribute("href");
            if (href is null)
            {
                string v = e.Value.Trim();
                if (v.Length > 0) return v;
                continue;
            }
            string rel = (string?)e.Attribute("rel") ?? "alternate";
            if (rel == "alternate") return href;
            fallback ??= href;
        }
        if (fallback is not null) return fallback;
        string? guid = HtmlMetadata.Clean(Child(item, "guid")?.Value);
        return guid is not null && guid.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? guid : null;
    }

    private static readonly (string Zone, string Offset)[] Zones =
    {
        (" GMT", " +0000"), (" UTC", " +0000"), (" UT", " +0000"), (" Z", " +0000"), (" EST", " -0500"), (" EDT", " -0400"),
        (" CST", " -0600"), (" CDT", " -0500"), (" MST", " -0700"), (" MDT", " -0600"), (" PST", " -0800"), (" PDT", " -0700"),
        (" BST", " +0100"), (" CET", " +0100"), (" CEST", " +0200"),
    };

    /// <summary>Parses RFC 822 dates (with zone names) and ISO 8601 dates.</summary>
    internal static bool TryParseFeedDate(string value, out DateTimeOffset date)
    {
        string v = value.Trim();
        foreach (var (zone, offset) in Zones)
        {
            if (v.EndsWith(zone, StringComparison.Ordinal))
            {
                v = v[..^zone.Length] + offset;
                break;
            }
        }
        // Drop the weekday: "Tue, 19 Nov 2019 ..." parses more reliably without it and a wrong weekday must not fail.
        int comma = v.IndexOf(',');
        if (comma is > 0 and <= 10 && char.IsLetter(v[0])) v = v[(comma + 1)..].Trim();
        string[] formats = { "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss", "d MMMM yyyy HH:mm:ss zzz", "d MMM yy HH:mm:ss zzz" };
        foreach (var f in formats)
        {
            if (DateTimeOffset.TryParseExact(v, f, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date)) return true;
        }
        return HtmlMetadata.TryParseDate(v, out date);
    }
}
