using System.Text;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Cleaning;

/// <summary>
/// Cleans plain-text news as scraped from real sites: drops photo captions and credit lines, a repeated headline,
/// "Read More", comment counters, share/subscribe/newsletter lines, and inline link cards pasted into sentences
/// (a name run together with itself, teaser headlines, then <c>MORE</c>). Every removal is kept on the document
/// with its reason so <c>dyad explain</c> can show it; nothing is coded from removed text.
/// Produces the cleaned text (headline first) and its paragraphs.
/// </summary>
public sealed partial class BoilerplateCleaner : IPipelineComponent
{
    public string Name => "cleaner";
    public Annotation Requires => Annotation.None;
    public Annotation Provides => Annotation.CleanText | Annotation.Paragraphs;

    /// <summary>Longest line considered for the line-level rules (captions and buttons are short).</summary>
    private const int ShortLine = 320;

    public void Process(Document document)
    {
        var article = document.Article;
        var sb = new StringBuilder(article.Body.Length + (article.Title?.Length ?? 0) + 2);
        var paragraphs = document.Paragraphs;
        string? title = article.Title;
        if (title is not null)
        {
            paragraphs.Add(new Paragraph(new TextSpan(0, title.Length), IsHeadline: true));
            sb.Append(title);
        }

        string body = article.Body;
        int pos = 0;
        int paraStart = -1; // start (in sb) of the paragraph being built, -1 when none is open
        bool lastEndedSentence = true;
        while (pos <= body.Length)
        {
            int nl = body.IndexOf('\n', pos);
            int end = nl < 0 ? body.Length : nl;
            var raw = body.AsSpan(pos, end - pos);
            int lead = raw.Length - raw.TrimStart().Length;
            var line = raw.Trim();
            int lineRawStart = pos + lead;

            if (line.IsEmpty)
            {
                Close(ref paraStart, sb, paragraphs);
            }
            else
            {
                string? reason = ClassifyLine(line, title);
                if (reason is not null)
                {
                    document.Removed.Add(new RemovedSpan(reason, line.ToString(), lineRawStart, sb.Length));
                    Close(ref paraStart, sb, paragraphs);
                }
                else
                {
                    bool continuation = paraStart >= 0 && !lastEndedSentence && char.IsLower(line[0]);
                    if (!continuation)
                    {
                        Close(ref paraStart, sb, paragraphs);
                        if (sb.Length > 0) sb.Append("\n\n");
                        paraStart = sb.Length;
                    }
                    else
                    {
                        sb.Append(' ');
                    }
                    AppendWithoutLinkCards(line, lineRawStart, sb, document.Removed);
                    lastEndedSentence = EndsSentence(line);
                }
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        Close(ref paraStart, sb, paragraphs);
        document.SetText(sb.ToString());
        document.MarkDone(Annotation.Paragraphs);
    }

    private static void Close(ref int paraStart, StringBuilder sb, List<Paragraph> paragraphs)
    {
        if (paraStart >= 0 && sb.Length > paraStart)
        {
            paragraphs.Add(new Paragraph(TextSpan.FromBounds(paraStart, sb.Length), IsHeadline: false));
        }
        paraStart = -1;
    }

    private static bool EndsSentence(ReadOnlySpan<char> line)
    {
        char c = line[^1];
        return c is '.' or '!' or '?' or '"' or '\u201D' or ':' or ')' or '\'' or '\u2019';
    }

    /// <summary>Returns why a whole line is boilerplate, or null when it is article text.</summary>
    internal static string? ClassifyLine(ReadOnlySpan<char> line, string? title)
    {
        if (title is not null && SameText(line, title)) return "repeated-headline";
        if (line.Length > ShortLine) return null;
        if (line.Contains('\u00A9') || line.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase)) return "photo-credit";
        if (ButtonLine().IsMatch(line)) return "button";
        if (CommentCounter().IsMatch(line)) return "comment-counter";
        if (ShareLine().IsMatch(line)) return "share-line";
        if (NewsletterLine().IsMatch(line)) return "newsletter";
        if (CaptionLabel().IsMatch(line)) return "photo-caption";
        if (AgencyCredit().IsMatch(line)) return "photo-credit";
        if (PipeCredit().IsMatch(line)) return "photo-credit";
        return null;
    }

    private static bool SameText(ReadOnlySpan<char> line, string title)
    {
        var a = line.TrimEnd(". ");
        var b = title.AsSpan().Trim().TrimEnd(". ");
        return a.Equals(b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Copies a line into the text, cutting link cards: "Antony BlinkenAntony BlinkenSunday shows preview: ... MORE"
    /// keeps the first "Antony Blinken" and drops the run-together copy through the closing "MORE".
    /// </summary>
    private static void AppendWithoutLinkCards(ReadOnlySpan<char> line, int rawStart, StringBuilder sb, List<RemovedSpan> removed)
    {
        int at = 0;
        foreach (var m in DoubledName().EnumerateMatches(line))
        {
            // The match is "NameName": keep the first copy, the card starts at the second.
            int half = m.Length / 2;
            int cardStart = m.Index + half;
            if (cardStart < at) continue;
            var rest = line[cardStart..];
            int window = Math.Min(rest.Length, 700);
            int more = FindMore(rest[..window]);
            int cardEnd = more >= 0 ? cardStart + more + 4 : cardStart + half;
            // The text after the card keeps its own leading space; add one only when the card ended mid-word.
            sb.Append(line[at..cardStart]);
            if (cardEnd < line.Length && line[cardEnd] != ' ' && char.IsLetterOrDigit(line[cardEnd])) sb.Append(' ');
            removed.Add(new RemovedSpan("link-card", line[cardStart..cardEnd].ToString(), rawStart + cardStart, sb.Length));
            at = cardEnd;
        }
        sb.Append(line[at..]);
    }

    private static int FindMore(ReadOnlySpan<char> s)
    {
        int from = 0;
        while (true)
        {
            int i = s[from..].IndexOf("MORE", StringComparison.Ordinal);
            if (i < 0) return -1;
            i += from;
            bool startOk = i == 0 || !char.IsLetter(s[i - 1]);
            bool endOk = i + 4 >= s.Length || !char.IsLetter(s[i + 4]);
            if (startOk && endOk) return i;
            from = i + 4;
        }
    }

    [GeneratedRegex(@"(\p{Lu}[\p{Ll}'\-]+(?:[ \-]\p{Lu}\.?(?:[\p{Ll}'\-]+)?){1,3})\1", RegexOptions.CultureInvariant)]
    private static partial Regex DoubledName();

    [GeneratedRegex(@"^(?:read (?:more|next|also|the full story)\b.{0,200}|more:|related(?: (?:articles?|stories|coverage|content|news))?:?.{0,200}|see also:.{0,200}|click here\b.{0,200}|advertisement|advertising|sponsored(?: content)?|story continues below.{0,60}|continue reading.{0,60}|watch:.{0,200}|listen:.{0,200}|recommended(?: for you)?:?|trending(?: now)?:?|most read:?|top stories:?|editor'?s picks?:?|back to top|skip to (?:main )?content|loading\W*|tags?:.{0,200}|topics?:.{0,200})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ButtonLine();

    [GeneratedRegex(@"^(?:(?:no|one|\d[\d,]*)\s+comments?|comments?(?:\s*\(\d+\))?|(?:view|show|load|see|read|add|post)\s+(?:all\s+|more\s+)?(?:\d+\s+)?comments?.{0,40}|leave a (?:comment|reply).{0,40}|join the conversation.{0,40}|\d[\d,]*\s+(?:shares?|views|reactions|replies))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentCounter();

    [GeneratedRegex(@"^(?:(?:share|tweet|email|e-mail|print|save|copy link|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|messenger)(?:\s*(?:this|the)?\s*(?:article|story|page|post|link))?(?:\s+(?:on|via|with)\s+\w+)?[\s|:/·•,]*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareLine();

    [GeneratedRegex(@"^(?:(?:subscribe|sign up|signup|register|get|join|follow us|follow)\b.{0,160}(?:newsletter|inbox|updates|briefing|alerts|subscribe|subscription|on (?:twitter|facebook|instagram|x|telegram|whatsapp|google news))|.{0,120}\bnewsletter\b.{0,120}|(?:already a subscriber|subscribe now|subscribe today|log ?in|sign in|create (?:a free )?account)\b.{0,100})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewsletterLine();

    [GeneratedRegex(@"^\(?(?:photo|photos|image|images|picture|pictures|file photo|caption|credit|credits|photograph|photographer|video|illustration)(?:\s+(?:credit|by|courtesy))?\s*[:|/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionLabel();

    [GeneratedRegex(@"\((?:AP|AFP|EPA|Reuters|Getty|Xinhua|Anadolu|Bloomberg|UPI|Sputnik|TASS|Yonhap)(?: Photo| Images)?\s*/|Getty Images|/\s*(?:AP|AFP|EPA|Reuters|Bloomberg|Xinhua|Getty|Shutterstock|Alamy|Pool)\s*\)?$|\bREUTERS/|\bAFP via Getty|\bvia Getty\b|\bShutterstock\b|\bAlamy\b|\bphoto courtesy\b|\bfile photo\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgencyCredit();

    [GeneratedRegex(@"^[^.!?]{0,120}\s\|\s[^.!?]{0,80}\b(?:Reuters|AP|AFP|EPA|Getty|Pool|Bloomberg|Xinhua|Anadolu|TASS|Sputnik|Photo|Images|Shutterstock|Alamy|Associated Press|Agence France-Presse|File)\b[^.!?]{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex PipeCredit();
}
