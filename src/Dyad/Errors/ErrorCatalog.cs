using System.Globalization;
using Dyad.Documents;

namespace Dyad.Errors;

/// <summary>Every user-facing error message of the library, in one place, each with a stable code.</summary>
public static class ErrorCatalog
{
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static DyadError PipelineMissingLayer(string component, Annotation missing, string providers) =>
        new("DY001", $"component '{component}' requires {missing}, which no earlier component provides (add {providers} before it)");

    public static DyadError PathNotFound(string path) => new("DY010", "no such file or folder", path);
    public static DyadError Unreadable(string path, string reason) => new("DY011", $"cannot read: {reason}", path);
    public static DyadError EmptyFile(string path) => new("DY012", "empty file, nothing to code", path);
    public static DyadError BinaryFile(string path, long offset) =>
        new("DY013", $"looks binary (NUL byte at offset {N(offset)}), not a text article; skipped", path);
    public static DyadError InvalidUtf8(string path, long offset) =>
        new("DY014", $"not valid UTF-8 (first bad byte at offset {N(offset)}); skipped — convert it to UTF-8", path);
    public static DyadError LineTooLong(string path, long line, long limit) =>
        new("DY015", $"line is longer than {N(limit)} characters; skipped", $"{path}:{line}");
    public static DyadError FileTooLarge(string path, long size, long limit) =>
        new("DY016", $"{N(size)} bytes is more than the {N(limit)}-byte limit for one article; skipped", path);
    public static DyadError NoText(string path) => new("DY017", "no article text after the headline; skipped", path);
    public static DyadError JsonInvalid(string path, long line, string detail) =>
        new("DY020", $"not valid JSON ({detail}); row skipped", $"{path}:{line}");
    public static DyadError JsonNotObject(string path, long line) =>
        new("DY021", "row is not a JSON object; skipped", $"{path}:{line}");
    public static DyadError JsonMissingText(string path, long line) =>
        new("DY022", "row has no \"text\" string; skipped", $"{path}:{line}");
    public static DyadError JsonBadDate(string path, long line, string value) =>
        new("DY023", $"\"date\" '{value}' is not YYYY-MM-DD (or an ISO-8601 timestamp); date left empty", $"{path}:{line}");
    public static DyadError UnsupportedInput(string path, string ext) =>
        new("DY024", $"'{ext}' files are not a supported input; skipped", path);
    public static DyadError WebItemFailed(string source, string detail) => new("DY025", StripSource(detail, source), source);
    public static DyadError WebItemSkipped(string source, string note) => new("DY026", $"skipped: {StripSource(note, source)}", source);
    private static string StripSource(string message, string source) =>
        message.StartsWith(source + ": ", StringComparison.Ordinal) ? message[(source.Length + 2)..] : message;

    public static DyadError BadDateOption(string value) =>
        new("DY030", $"--date '{value}' is not a date in the form YYYY-MM-DD");
    public static DyadError BadFormatOption(string value) =>
        new("DY031", $"--format '{value}' is not one of jsonl, gdelt, csv");
    public static DyadError DatabaseFailure(string path, string detail) =>
        new("DY040", $"database error: {detail}", path);
    public static DyadError ProcessingFailed(string where, string detail) =>
        new("DY050", $"could not process the article: {detail}", where);
    public static DyadError DataFileLine(string file, int line, string detail) =>
        new("DY060", detail, $"{file}:{line}");
}
