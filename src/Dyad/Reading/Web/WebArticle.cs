namespace Dyad.Reading.Web;

/// <summary>
/// An article taken out of a web page, a feed item or a web archive record: the main text with the page's
/// metadata. <see cref="Text"/> holds paragraphs joined by a blank line ("\n\n").
/// </summary>
public sealed record WebArticle
{
    /// <summary>The article body, paragraphs separated by "\n\n"; empty when nothing was found.</summary>
    public required string Text { get; init; }

    /// <summary>The headline, or null when the page gives none.</summary>
    public string? Title { get; init; }

    /// <summary>The publication date and time, or null when none could be found.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The author or authors as the page names them, or null.</summary>
    public string? Author { get; init; }

    /// <summary>The outlet (site name or publisher), or null.</summary>
    public string? Outlet { get; init; }

    /// <summary>The canonical or fetched address of the page, or null.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The language: "en" when the text reads as English, a declared code (lang attribute, feed language) when it
    /// does not, "und" when the text is not English and no language was declared, or null when the text is too short
    /// to tell.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Where the article came from, for messages: the file name plus an item number or record offset.</summary>
    public string? Source { get; init; }

    /// <summary>True when the text was checked and does not read as English.</summary>
    public bool IsNonEnglish => Language is not null && Language != "en";
}

/// <summary>What one item of a web input gave: an article, a skipped item with a note, or an error.</summary>
public enum WebReadStatus
{
    /// <summary>An article was read; see <see cref="WebReadResult.Article"/>.</summary>
    Article,

    /// <summary>The item was read but left out on purpose (for example not English); see <see cref="WebReadResult.Message"/>.</summary>
    Skipped,

    /// <summary>The item could not be read; see <see cref="WebReadResult.Message"/>.</summary>
    Error,
}

/// <summary>
/// One result of reading web input. Readers yield one per item (page, feed entry, archive record) and never throw
/// for a problem confined to one item: they yield an error naming the file and the item instead and go on.
/// </summary>
public sealed class WebReadResult
{
    private WebReadResult(WebReadStatus status, string source, WebArticle? article, string? message)
    {
        Status = status;
        Source = source;
        Article = article;
        Message = message;
    }

    /// <summary>Article, skipped or error.</summary>
    public WebReadStatus Status { get; }

    /// <summary>The file plus the item number or record offset, e.g. "crawl.warc.gz@1234" or "feed.xml#3".</summary>
    public string Source { get; }

    /// <summary>The article when <see cref="Status"/> is <see cref="WebReadStatus.Article"/>, else null.</summary>
    public WebArticle? Article { get; }

    /// <summary>The error or skip note, or null for an article.</summary>
    public string? Message { get; }

    /// <summary>True when this result carries an article.</summary>
    public bool IsArticle => Status == WebReadStatus.Article;

    /// <summary>A result carrying an article.</summary>
    public static WebReadResult Ok(string source, WebArticle article) => new(WebReadStatus.Article, source, article, null);

    /// <summary>A result for an item left out on purpose; the article is kept for callers that want it anyway.</summary>
    public static WebReadResult Skip(string source, string note, WebArticle? article = null) => new(WebReadStatus.Skipped, source, article, note);

    /// <summary>A result for an item that could not be read.</summary>
    public static WebReadResult Fail(string source, string message) => new(WebReadStatus.Error, source, null, message);

    /// <inheritdoc/>
    public override string ToString() => Status switch
    {
        WebReadStatus.Article => $"{Source}: article \"{Article!.Title}\" ({Article.Text.Length} chars)",
        WebReadStatus.Skipped => $"{Source}: skipped: {Message}",
        _ => $"{Source}: error: {Message}",
    };
}
