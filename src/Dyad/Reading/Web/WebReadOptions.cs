namespace Dyad.Reading.Web;

/// <summary>Settings shared by the web readers.</summary>
public sealed record WebReadOptions
{
    /// <summary>The default settings: skip pages that are not English.</summary>
    public static WebReadOptions Default { get; } = new();

    /// <summary>The extractor to use; the shared default when null.</summary>
    public HtmlArticleExtractor? Extractor { get; init; }

    /// <summary>When true (the default), articles whose text does not read as English are yielded as skipped with a note.</summary>
    public bool SkipNonEnglish { get; init; } = true;

    /// <summary>WARC records and pages larger than this many bytes are reported and left out (default 64 MB).</summary>
    public long MaxPageBytes { get; init; } = 64L * 1024 * 1024;

    internal HtmlArticleExtractor ExtractorOrDefault => Extractor ?? HtmlArticleExtractor.Default;

    /// <summary>Turns an extracted article into a result, applying the language rule.</summary>
    internal WebReadResult Finish(string source, WebArticle article)
    {
        article = article with { Source = source };
        if (SkipNonEnglish && article.IsNonEnglish)
        {
            return WebReadResult.Skip(source, $"not English (language '{article.Language}')", article);
        }
        return WebReadResult.Ok(source, article);
    }
}
