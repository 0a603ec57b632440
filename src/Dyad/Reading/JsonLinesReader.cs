using System.Globalization;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Errors;

namespace Dyad.Reading;

/// <summary>
/// Reads JSON Lines: one article per line with <c>id</c>, <c>title</c>, <c>text</c>, and optional <c>date</c>,
/// <c>url</c>, <c>outlet</c>. A bad row gives one located error and reading goes on with the next.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>Longest row accepted, in bytes; longer rows are skipped without being held in memory.</summary>
    public const int MaxLineBytes = 8 * 1024 * 1024;

    public static IEnumerable<ReadResult> Read(Stream stream, string origin, DateOnly? defaultDate)
    {
        foreach (var line in BoundedLineReader.ReadLines(stream, MaxLineBytes))
        {
            if (line.TooLong)
            {
                yield return ReadResult.Fail(ErrorCatalog.LineTooLong(origin, line.Number, MaxLineBytes));
                continue;
            }
            var bytes = line.Bytes.Span;
            if (line.Number == 1) bytes = TextDecoding.SkipBom(bytes);
            if (IsBlank(bytes)) continue;
            yield return ParseRow(bytes, origin, line.Number, defaultDate);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r') return false;
        }
        return true;
    }

    internal static ReadResult ParseRow(ReadOnlySpan<byte> bytes, string origin, long lineNo, DateOnly? defaultDate)
    {
        JsonDocument json;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            json = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(ErrorCatalog.JsonInvalid(origin, lineNo, Shorten(e.Message)));
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ReadResult.Fail(ErrorCatalog.JsonNotObject(origin, lineNo));
            string? text = GetString(root, "text") ?? GetString(root, "body");
            if (string.IsNullOrWhiteSpace(text)) return ReadResult.Fail(ErrorCatalog.JsonMissingText(origin, lineNo));
            string? id = GetString(root, "id");
            string? dateText = GetString(root, "date");
            DateOnly? date = defaultDate;
            DyadError? warning = null;
            if (!string.IsNullOrWhiteSpace(dateText))
            {
                if (DateParsing.TryParseIsoDate(dateText, out var d)) date = d;
                else warning = ErrorCatalog.JsonBadDate(origin, lineNo, dateText);
            }
            var article = new Article(GetString(root, "title"), text, date, GetString(root, "url"), GetString(root, "outlet"),
                id, $"{origin}:{lineNo}");
            return warning is { } w ? ReadResult.Warn(article, w) : ReadResult.Ok(article);
        }
    }

    private static string? GetString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    private static string Shorten(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.') : message;
    }
}

/// <summary>Parses the dates inputs carry.</summary>
public static class DateParsing
{
    /// <summary>Accepts YYYY-MM-DD, or an ISO-8601 timestamp whose date part is taken.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        text = text.Trim();
        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && (text.Length == 10 || text[10] == 'T' || text[10] == ' '))
        {
            return true;
        }
        date = default;
        return false;
    }
}
