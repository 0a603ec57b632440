using Dyad.Documents;
using Dyad.Errors;

namespace Dyad.Reading;

/// <summary>
/// Reads a plain-text article: the first non-empty line is the headline, the rest the body. A text of a single
/// line is taken as body without headline.
/// </summary>
public static class PlainTextReader
{
    /// <summary>Largest plain-text article accepted (bytes).</summary>
    public const int MaxArticleBytes = 8 * 1024 * 1024;

    public static ReadResult Read(ReadOnlySpan<byte> bytes, string origin, DateOnly? date)
    {
        if (bytes.Length > MaxArticleBytes) return ReadResult.Fail(ErrorCatalog.FileTooLarge(origin, bytes.Length, MaxArticleBytes));
        int nul = TextDecoding.FindNul(bytes);
        if (nul >= 0) return ReadResult.Fail(ErrorCatalog.BinaryFile(origin, nul));
        bytes = TextDecoding.SkipBom(bytes);
        long bad = TextDecoding.FirstInvalidUtf8(bytes);
        if (bad >= 0) return ReadResult.Fail(ErrorCatalog.InvalidUtf8(origin, bad));
        return FromText(TextDecoding.Decode(bytes), origin, date);
    }

    public static ReadResult FromText(string text, string origin, DateOnly? date)
    {
        var span = text.AsSpan();
        // Skip leading blank lines; the first non-empty line is the headline.
        int pos = 0;
        while (pos < span.Length)
        {
            int nl = span[pos..].IndexOf('\n');
            int end = nl < 0 ? span.Length : pos + nl;
            if (!span[pos..end].IsWhiteSpace()) break;
            pos = nl < 0 ? span.Length : end + 1;
        }
        if (pos >= span.Length) return ReadResult.Fail(ErrorCatalog.EmptyFile(origin));
        int lineEnd = span[pos..].IndexOf('\n');
        if (lineEnd < 0 || span[(pos + lineEnd)..].IsWhiteSpace())
        {
            // One line only: body, no headline.
            return ReadResult.Ok(new Article(null, text[pos..].Trim(), date, origin: origin));
        }
        string title = text.Substring(pos, lineEnd).Trim();
        string body = text[(pos + lineEnd + 1)..];
        return ReadResult.Ok(new Article(title, body, date, origin: origin));
    }
}
