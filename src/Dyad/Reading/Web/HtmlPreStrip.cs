using System.Text;

namespace Dyad.Reading.Web;

/// <summary>
/// Cuts scripts, styles, inline SVG, templates, noscript blocks and comments out of raw HTML before parsing: they
/// are often half of a page's bytes and never article text, and skipping them with a vectorised search is much
/// cheaper than running them through the HTML tokenizer. JSON-LD is read from the original page beforehand.
/// </summary>
internal static class HtmlPreStrip
{
    private static readonly string[] RawBlocks = { "script", "style", "svg", "template", "noscript" };

    public static string Strip(string html)
    {
        StringBuilder? sb = null;
        int copied = 0;
        int i = 0;
        while (true)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 4 > html.Length) break;
            int end = -1;
            if (html[lt + 1] == '!' && html[lt + 2] == '-' && html[lt + 3] == '-')
            {
                int close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                end = close < 0 ? html.Length : close + 3;
            }
            else
            {
                foreach (var name in RawBlocks)
                {
                    if (!StartsTag(html, lt, name)) continue;
                    int close = html.IndexOf("</" + name, lt + 1 + name.Length, StringComparison.OrdinalIgnoreCase);
                    if (close < 0)
                    {
                        end = -2; // unclosed: leave the rest to the parser
                        break;
                    }
                    int gt = html.IndexOf('>', close);
                    end = gt < 0 ? html.Length : gt + 1;
                    break;
                }
            }
            if (end == -2) break;
            if (end < 0)
            {
                i = lt + 1;
                continue;
            }
            sb ??= new StringBuilder(html.Length);
            sb.Append(html, copied, lt - copied);
            sb.Append(' ');
            copied = end;
            i = end;
        }
        if (sb is null) return html;
        sb.Append(html, copied, html.Length - copied);
        return sb.ToString();
    }

    // "<name" followed by whitespace, '>' or '/', case-insensitive.
    private static bool StartsTag(string html, int lt, string name)
    {
        int j = lt + 1;
        if (j + name.Length >= html.Length) return false;
        if (!html.AsSpan(j, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) return false;
        char next = html[j + name.Length];
        return next == '>' || next == '/' || char.IsWhiteSpace(next);
    }
}
