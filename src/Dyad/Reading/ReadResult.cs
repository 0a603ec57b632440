using Dyad.Documents;
using Dyad.Errors;

namespace Dyad.Reading;

/// <summary>One item read from the input: an article, or a located problem with one file, row or record.</summary>
public readonly record struct ReadResult(Article? Article, DyadError? Error, bool IsWarning = false)
{
    public static ReadResult Ok(Article article) => new(article, null);
    public static ReadResult Fail(DyadError error) => new(null, error);
    /// <summary>A problem that did not stop the article from being read (it comes with the article).</summary>
    public static ReadResult Warn(Article article, DyadError error) => new(article, error, true);
}
