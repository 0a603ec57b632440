using System.Text;

namespace Dyad.Reading.Web;

/// <summary>
/// Turns the bytes of a web page into text: a byte-order mark wins, then a declared charset (HTTP header, XML
/// declaration or &lt;meta&gt;) when the bytes agree with it, then detection (valid UTF-8, else windows-1252).
/// Never throws for an unknown or wrong charset.
/// </summary>
public static class WebEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Decodes page bytes. <paramref name="declaredCharset"/> is a charset from outside the bytes (an HTTP Content-Type), or null.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null) => Decode(bytes, declaredCharset, out _);

    /// <summary>Decodes page bytes and tells which encoding was used.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, out Encoding used)
    {
        // 1. Byte-order marks.
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            used = LenientUtf8;
            return LenientUtf8.GetString(bytes[3..]);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            used = Encoding.Unicode;
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            used = Encoding.BigEndianUnicode;
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        // 2. A declared charset, from outside or from the document's head.
        string? declared = declaredCharset ?? SniffDeclaredCharset(bytes);
        Encoding? encoding = declared is null ? null : GetEncoding(declared);
        bool validUtf8 = IsValidUtf8(bytes, out bool hasMultiByte);

        if (encoding is not null)
        {
            if (encoding.CodePage == 65001)
            {
                // Declared UTF-8 but the bytes are not: the declaration is wrong; single-byte text is the usual culprit.
                encoding = validUtf8 ? LenientUtf8 : Windows1252.Value;
            }
            else if (encoding.IsSingleByte && hasMultiByte && validUtf8)
            {
                // Declared a single-byte charset but the bytes are well-formed multi-byte UTF-8: that is far likelier.
                encoding = LenientUtf8;
            }
            else if (encoding.CodePage is 1200 or 1201 or 12000 or 12001)
            {
                // A UTF-16/32 declaration without a BOM inside ASCII-compatible bytes is a lie (the meta tag could be read).
                encoding = validUtf8 ? LenientUtf8 : Windows1252.Value;
            }
            else if (encoding.CodePage == 28591 || encoding.CodePage == 20127)
            {
                // Browsers treat latin-1 and ASCII labels as windows-1252.
                encoding = Windows1252.Value;
            }
        }
        else
        {
            encoding = validUtf8 ? LenientUtf8 : Windows1252.Value;
        }

        used = encoding;
        try
        {
            return encoding.GetString(bytes);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or ArgumentException)
        {
            used = Windows1252.Value;
            return Windows1252.Value.GetString(bytes);
        }
    }

    /// <summary>The encoding for a charset label, or null when it is unknown. Registers the code-page provider.</summary>
    public static Encoding? GetEncoding(string label)
    {
        string name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name.Length == 0) return null;
        if (name is "utf8" or "utf-8" or "unicode-1-1-utf-8") return LenientUtf8;
        if (name is "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252") return Windows1252.Value;
        _ = Windows1252.Value; // makes sure the code-page provider is registered
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        int i = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        i += 7;
        while (i < contentType.Length && (contentType[i] == ' ' || contentType[i] == '=')) i++;
        int start = i;
        while (i < contentType.Length && contentType[i] != ';' && contentType[i] != ' ' && contentType[i] != ',') i++;
        string value = contentType[start..i].Trim('"', '\'');
        return value.Length == 0 ? null : value;
    }

    /// <summary>Looks for <c>charset=</c> in a &lt;meta&gt; tag or an XML declaration within the first 4 KB.</summary>
    internal static string? SniffDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes.Length > 4096 ? bytes[..4096] : bytes;
        // XML declaration: <?xml version="1.0" encoding="..."?>
        if (head.StartsWith("<?xml"u8))
        {
            int end = head.IndexOf("?>"u8);
            if (end > 0)
            {
                ReadOnlySpan<byte> decl = head[..end];
                int e = IndexOfIgnoreCase(decl, "encoding"u8);
                if (e >= 0) return ReadAttributeValue(decl[(e + 8)..]);
            }
        }
        int from = 0;
        while (from < head.Length)
        {
            int m = IndexOfIgnoreCase(head[from..], "<meta"u8);
            if (m < 0) break;
            m += from;
            int close = head[m..].IndexOf((byte)'>');
            ReadOnlySpan<byte> tag = close < 0 ? head[m..] : head[m..(m + close)];
            int c = IndexOfIgnoreCase(tag, "charset"u8);
            if (c >= 0)
            {
                string? value = ReadAttributeValue(tag[(c + 7)..]);
                if (value is not null) return value;
            }
            from = close < 0 ? head.Length : m + close + 1;
        }
        return null;
    }

    private static string? ReadAttributeValue(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '=')) i++;
        if (i < s.Length && (s[i] == '"' || s[i] == '\'')) i++;
        int start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit((char)s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.' || s[i] == ':')) i++;
        return i > start ? Encoding.ASCII.GetString(s[start..i]) : null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < lowerNeedle.Length && (haystack[i + j] | 0x20) == lowerNeedle[j]) j++;
            if (j == lowerNeedle.Length) return i;
        }
        return -1;
    }

    /// <summary>True when the bytes are well-formed UTF-8; <paramref name="hasMultiByte"/> tells whether any non-ASCII sequence occurred.</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasMultiByte)
    {
        int firstNonAscii = System.Text.Ascii.IsValid(bytes) ? -1 : 0;
        hasMultiByte = firstNonAscii >= 0;
        if (!hasMultiByte) return true;
        return System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
