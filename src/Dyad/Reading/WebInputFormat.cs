using Dyad.Documents;
using Dyad.Errors;
using Dyad.Reading.Web;

namespace Dyad.Reading;

/// <summary>Saved pages, feeds and web archives (see <see cref="WebReader"/>) as pipeline input.</summary>
public sealed class WebInputFormat : IInputFormat
{
    private readonly WebReader _reader;

    public WebInputFormat(WebReadOptions? options = null) => _reader = new WebReader(options);

    public bool Handles(string fileName) => WebReader.CanRead(fileName);

    public IEnumerable<ReadResult> Read(string path, DateOnly? defaultDate)
    {
        foreach (var r in _reader.Read(path))
        {
            switch (r.Status)
            {
                case WebReadStatus.Article:
                    var a = r.Article!;
                    if (string.IsNullOrWhiteSpace(a.Text))
                    {
                        yield return ReadResult.Fail(ErrorCatalog.WebItemFailed(r.Source, "no article text found"));
                        break;
                    }
                    yield return ReadResult.Ok(ToArticle(a, r.Source, defaultDate));
                    break;
                case WebReadStatus.Skipped:
                    yield return new ReadResult(null, ErrorCatalog.WebItemSkipped(r.Source, r.Message ?? "skipped"), IsWarning: true);
                    break;
                default:
                    yield return ReadResult.Fail(ErrorCatalog.WebItemFailed(r.Source, r.Message ?? "unreadable"));
                    break;
            }
        }
    }

    public static Article ToArticle(WebArticle a, string origin, DateOnly? defaultDate) =>
        new(a.Title, a.Text, a.Date is { } d ? DateOnly.FromDateTime(d.Date) : defaultDate, a.Url, a.Outlet, origin: origin);
}
