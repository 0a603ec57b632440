namespace Dyad.Reading.Web;

/// <summary>
/// The entry point for web input: picks the reader for a file by its name — saved pages (<c>.html</c>, <c>.htm</c>,
/// <c>.xhtml</c>, and <c>.gz</c> of them), feeds (<c>.xml</c>, <c>.rss</c>, <c>.atom</c>) and web archives
/// (<c>.warc</c>, <c>.warc.gz</c>) — and yields one result per article, skipped item or error.
/// </summary>
public sealed class WebReader
{
    private readonly WebReadOptions _options;

    /// <summary>Creates a reader with the given settings (defaults when null).</summary>
    public WebReader(WebReadOptions? options = null) => _options = options ?? WebReadOptions.Default;

    /// <summary>What kind of web input a file name denotes.</summary>
    public static WebInputKind KindOf(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        if (name.EndsWith(".warc", StringComparison.Ordinal)) return WebInputKind.Warc;
        if (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) || name.EndsWith(".xhtml", StringComparison.Ordinal)) return WebInputKind.Html;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return WebInputKind.None; // feeds are read plain
        if (name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rss", StringComparison.Ordinal) || name.EndsWith(".atom", StringComparison.Ordinal)) return WebInputKind.Feed;
        return WebInputKind.None;
    }

    /// <summary>True when <see cref="Read"/> knows the file kind.</summary>
    public static bool CanRead(string path) => KindOf(path) != WebInputKind.None;

    /// <summary>Reads a file of any supported kind. Never throws for bad content: problems come back as error results.</summary>
    public IEnumerable<WebReadResult> Read(string path) => KindOf(path) switch
    {
        WebInputKind.Html => new HtmlPageReader(_options).Read(path),
        WebInputKind.Feed => new FeedReader(_options).Read(path),
        WebInputKind.Warc => new WarcReader(_options).Read(path),
        _ => new[] { WebReadResult.Fail(Path.GetFileName(path), $"{Path.GetFileName(path)}: not a web file (.html, .htm, .xml, .rss, .atom, .warc, .warc.gz)") },
    };
}

/// <summary>Opens web input files for the readers, turning an unreadable file into an error result.</summary>
internal static class WebFiles
{
    public static IEnumerable<WebReadResult> Read(string path, Func<Stream, string, IEnumerable<WebReadResult>> read)
    {
        string source = Path.GetFileName(path);
        Stream? stream = null;
        string? error = null;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {source}: {ex.Message}";
        }
        if (stream is null)
        {
            yield return WebReadResult.Fail(source, error!);
            yield break;
        }
        using (stream)
        {
            foreach (var r in read(stream, source)) yield return r;
        }
    }
}

/// <summary>Kinds of web input.</summary>
public enum WebInputKind
{
    /// <summary>Not web input.</summary>
    None,

    /// <summary>A saved page.</summary>
    Html,

    /// <summary>An RSS or Atom feed.</summary>
    Feed,

    /// <summary>A WARC archive.</summary>
    Warc,
}
