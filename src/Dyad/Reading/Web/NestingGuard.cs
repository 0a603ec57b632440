using System.Text;

namespace Dyad.Reading.Web;

/// <summary>
/// A linear pre-pass over raw HTML that measures tag nesting and, when it is absurdly deep, drops the tags below a
/// depth limit (keeping their text). HTML parsers check scopes by walking the stack of open elements, so pathological
/// nesting (100,000 &lt;div&gt;s) would otherwise cost quadratic time.
/// </summary>
internal static class NestingGuard
{
    public const int DefaultMaxDepth = 400;

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame", "image",
    };

    private static readonly HashSet<string> RawTextTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    // Tags that close an open element of the same name implicitly (p, li, ...): they never nest by themselves.
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "tr", "td", "th", "optgroup", "rb", "rt", "rp",
    };

    /// <summary>Returns the HTML unchanged when its nesting stays within <paramref name="maxDepth"/>, else a flattened copy.</summary>
    public static string Limit(string html, int maxDepth = DefaultMaxDepth)
    {
        if (Walk(html, maxDepth, output: null) <= maxDepth) return html;
        var sb = new StringBuilder(html.Length);
        Walk(html, maxDepth, sb);
        return sb.ToString();
    }

    // Follows the nesting of tags. Without output it returns the maximum depth, stopping as soon as it passes
    // maxDepth; with output it copies the HTML there, leaving out the tags (not the text) deeper than maxDepth.
    private static int Walk(string html, int maxDepth, StringBuilder? output)
    {
        int depth = 0, max = 0;
        string? lastOpen = null;
        int i = 0, copied = 0;
        while (true)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            if (!ParseTag(html, lt, out int tagEnd, out bool closing, out bool selfClosing, out ReadOnlySpan<char> name))
            {
                i = tagEnd;
                continue;
            }
            i = tagEnd;
            if (name.IsEmpty) continue;
            bool drop;
            if (closing)
            {
                drop = depth > maxDepth;
                if (depth > 0) depth--;
                lastOpen = null;
            }
            else if (RawTextTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                i = SkipRawText(html, tagEnd, name);
                continue;
            }
            else if (selfClosing || VoidTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                continue;
            }
            else if (lastOpen is not null && name.Equals(lastOpen, StringComparison.OrdinalIgnoreCase))
            {
                continue; // <p>a<p>b: the second closes the first
            }
            else
            {
                depth++;
                lastOpen = SelfClosingSiblings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) ? name.ToString() : null;
                max = Math.Max(max, depth);
                if (output is null && max > maxDepth) return max;
                drop = depth > maxDepth;
            }
            if (drop && output is not null)
            {
                output.Append(html, copied, lt - copied);
                copied = tagEnd;
            }
        }
        output?.Append(html, copied, html.Length - copied);
        return max;
    }

    // Reads the tag starting at '<'. Returns false for comments, doctypes and stray '<' (tagEnd is where to go on).
    private static bool ParseTag(string html, int lt, out int tagEnd, out bool closing, out bool selfClosing, out ReadOnlySpan<char> name)
    {
        closing = false;
        selfClosing = false;
        name = default;
        int j = lt + 1;
        char c = html[j];
        if (c == '!')
        {
            if (j + 2 < html.Length && html[j + 1] == '-' && html[j + 2] == '-')
            {
                int endComment = html.IndexOf("-->", j + 3, StringComparison.Ordinal);
                tagEnd = endComment < 0 ? html.Length : endComment + 3;
            }
            else
            {
                int gt = html.IndexOf('>', j);
                tagEnd = gt < 0 ? html.Length : gt + 1;
            }
            return false;
        }
        if (c == '/')
        {
            closing = true;
            j++;
        }
        int nameStart = j;
        while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '-' || html[j] == ':' || html[j] == '_')) j++;
        if (j == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            tagEnd = lt + 1;
            return false;
        }
        name = html.AsSpan(nameStart, j - nameStart);
        // Find the end of the tag, skipping quoted attribute values.
        char quote = '\0';
        while (j < html.Length)
        {
            char d = html[j];
            if (quote != '\0')
            {
                if (d == quote) quote = '\0';
            }
            else if (d == '"' || d == '\'')
            {
                quote = d;
            }
            else if (d == '>')
            {
                break;
            }
            j++;
        }
        selfClosing = j > 0 && j < html.Length && html[j - 1] == '/';
        tagEnd = j < html.Length ? j + 1 : html.Length;
        return true;
    }

    private static int SkipRawText(string html, int from, ReadOnlySpan<char> name)
    {
        int i = from;
        while (true)
        {
            int k = html.IndexOf("</", i, StringComparison.Ordinal);
            if (k < 0) return html.Length;
            if (k + 2 + name.Length <= html.Length && html.AsSpan(k + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                int gt = html.IndexOf('>', k);
                return gt < 0 ? html.Length : gt + 1;
            }
            i = k + 2;
        }
    }
}
