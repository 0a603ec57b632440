using System.Globalization;
using Dyad.Util;

namespace Dyad.Documents;

/// <summary>A stable 64-bit content hash identifying an article, written as 16 lowercase hex digits.</summary>
public readonly record struct ArticleId(ulong Value)
{
    /// <summary>Hashes the headline and body (XXH64 over their UTF-8 bytes, joined by a newline).</summary>
    public static ArticleId FromContent(string? title, string body)
    {
        ulong h = XxHash64.HashUtf8((title ?? string.Empty).AsSpan());
        return new ArticleId(XxHash64.HashUtf8(body.AsSpan(), seed: h));
    }

    public static bool TryParse(ReadOnlySpan<char> text, out ArticleId id)
    {
        if (text.Length == 16 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong v))
        {
            id = new ArticleId(v);
            return true;
        }
        id = default;
        return false;
    }

    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
