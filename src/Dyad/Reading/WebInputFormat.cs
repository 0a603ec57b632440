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
            string where = Where(path, r.Source);
            switch (r.Status)
            {
                case WebReadStatus.Article:
                    var a = r.Article!;
                    if (string.IsNullOrWhiteSpace(a.Text))
                    {
                        yield return ReadResult.Fail(ErrorCatalog.WebItemFailed(where, "no article text found"));
                        break;
                    }
                    yield return ReadResult.Ok(ToArticle(a, where, defaultDate));
                    break;
                case WebReadStatus.Skipped:
                    yield return new ReadResult(null, ErrorCatalog.WebItemSkipped(where, Detail(r.Message ?? "skipped", path)), IsWarning: true);
                    break;
                default:
                    yield return ReadResult.Fail(ErrorCatalog.WebItemFailed(where, Detail(r.Message ?? "unreadable", path)));
                    break;
            }
        }
    }

    /// <summary>The full path plus the reader's item suffix ("#3" for a feed item, "@1234" for an archive record).</summary>
    private static string Where(string path, string source)
    {
        string name = Path.GetFileName(path);
        return source.StartsWith(name, StringComparison.Ordinal) ? path + source[name.Length..] : path;
    }

    /// <summary>The reader's message without the file name it starts with (the location already names it).</summary>
    private static string Detail(string message, string path)
    {
        string name = Path.GetFileName(path);
        return message.StartsWith(name + ": ", StringComparison.Ordinal) ? message[(name.Length + 2)..] : message;
    }

    public static Article ToArticle(WebArticle a, string origin, DateOnly? defaultDate) =>
        new(a.Title, a.Text, a.Date is { } d ? DateOnly.FromDateTime(d.Date) : defaultDate, a.Url, a.Outlet, origin: origin);
}
