using System.Buffers;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Text;

/// <summary>
/// Splits each paragraph into tokens (Universal Dependencies English conventions: clitics n't 's 're 'll split,
/// punctuation separate, abbreviations, initials, decimals, URLs kept whole) and groups them into sentences.
/// </summary>
public sealed class Tokenizer : IPipelineComponent
{
    public string Name => "tokenizer";
    public Annotation Requires => Annotation.CleanText | Annotation.Paragraphs;
    public Annotation Provides => Annotation.Tokens | Annotation.Sentences;

    /// <summary>Sentences longer than this many tokens are cut (guards against run-on text without punctuation).</summary>
    public const int MaxSentenceTokens = 200;

    private static readonly SearchValues<char> LeadingPunct = SearchValues.Create("\"'([{`\u201C\u2018\u00AB<*");
    private static readonly SearchValues<char> TrailingPunct = SearchValues.Create(",;:!?\")]}\u201D\u2019\u00BB'>*");
    private static readonly SearchValues<char> Dashes = SearchValues.Create("\u2014\u2013\u2015");

    public void Process(Document document)
    {
        for (int p = 0; p < document.Paragraphs.Count; p++)
        {
            var para = document.Paragraphs[p];
            int first = document.TokenCount;
            TokenizeSpan(document, para.Span);
            SplitSentences(document, first, document.TokenCount, p, para.IsHeadline);
        }
        document.MarkDone(Annotation.Tokens | Annotation.Sentences);
    }

    /// <summary>Tokenizes text[span] onto the document.</summary>
    internal static void TokenizeSpan(Document doc, TextSpan span)
    {
        string text = doc.Text;
        int i = span.Start, end = span.End;
        Span<int> tail = stackalloc int[16];
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end) break;
            int j = i;
            while (j < end && !char.IsWhiteSpace(text[j])) j++;
            TokenizeChunk(doc, i, j, tail);
            i = j;
        }
    }

    private static void TokenizeChunk(Document doc, int start, int end, Span<int> tail)
    {
        string text = doc.Text;
        // Leading punctuation, one token each.
        while (start < end && LeadingPunct.Contains(text[start]) && end - start > 1)
        {
            // An apostrophe starting a clitic-like word ('s alone, '90s) stays with it.
            if ((text[start] == '\'' || text[start] == '\u2018') && end - start > 1 && char.IsLetterOrDigit(text[start + 1]) && IsClitic(text.AsSpan(start, end - start))) break;
            doc.AddToken(new TextSpan(start, 1));
            start++;
        }
        if (IsUrlOrEmail(text.AsSpan(start, end - start)))
        {
            // keep a final sentence period apart
            int e = end;
            while (e > start + 1 && text[e - 1] is '.' or ',' or ')' or ';') e--;
            doc.AddToken(TextSpan.FromBounds(start, e));
            for (int k = e; k < end; k++) doc.AddToken(new TextSpan(k, 1));
            return;
        }
        // Trailing punctuation, collected right to left.
        int nTail = 0;
        while (end > start && nTail < tail.Length)
        {
            char c = text[end - 1];
            if (TrailingPunct.Contains(c) && end - start > 1)
            {
                // Possessive plural (States') and closing quotes: split the apostrophe off.
                tail[nTail++] = end - 1;
                end--;
                continue;
            }
            if (c == '.' && end - start > 1)
            {
                var word = text.AsSpan(start, end - start);
                if (word.EndsWith("...") && word.Length > 3)
                {
                    tail[nTail++] = -(end - 3) - 1; // ellipsis: encoded as negative start, length 3
                    end -= 3;
                    continue;
                }
                if (word.Length > 1 && Abbreviations.IsAbbreviation(word[..^1])) break;
                tail[nTail++] = end - 1;
                end--;
                continue;
            }
            break;
        }
        if (end > start) SplitCore(doc, start, end);
        for (int k = nTail - 1; k >= 0; k--)
        {
            int t = tail[k];
            if (t < 0) doc.AddToken(new TextSpan(-t - 1, 3));
            else doc.AddToken(new TextSpan(t, 1));
        }
    }

    private static bool IsClitic(ReadOnlySpan<char> s) =>
        s.Equals("'s", StringComparison.OrdinalIgnoreCase) || s.Equals("\u2019s", StringComparison.OrdinalIgnoreCase);

    private static bool IsUrlOrEmail(ReadOnlySpan<char> s) =>
        s.Contains("://", StringComparison.Ordinal) || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (s.IndexOf('@') > 0 && s.LastIndexOf('.') > s.IndexOf('@'));

    /// <summary>Splits the core of a chunk on dashes, currency and percent signs, and English clitics.</summary>
    private static void SplitCore(Document doc, int start, int end)
    {
        string text = doc.Text;
        // Dashes inside a chunk: "word—word", "word--word".
        int d = text.AsSpan(start, end - start).IndexOfAny(Dashes);
        int dd = text.AsSpan(start, end - start).IndexOf("--", StringComparison.Ordinal);
        if (dd >= 0 && (d < 0 || dd < d))
        {
            if (dd > 0) SplitCore(doc, start, start + dd);
            doc.AddToken(new TextSpan(start + dd, 2));
            if (start + dd + 2 < end) SplitCore(doc, start + dd + 2, end);
            return;
        }
        if (d >= 0)
        {
            if (d > 0) SplitCore(doc, start, start + d);
            doc.AddToken(new TextSpan(start + d, 1));
            if (start + d + 1 < end) SplitCore(doc, start + d + 1, end);
            return;
        }
        // Currency before a number: $5, €20.
        char c0 = text[start];
        if ((c0 is '$' or '\u20AC' or '\u00A3' or '\u00A5') && end - start > 1)
        {
            doc.AddToken(new TextSpan(start, 1));
            start++;
        }
        // Percent after a number.
        bool percent = end - start > 1 && text[end - 1] == '%';
        if (percent) end--;
        var word = text.AsSpan(start, end - start);
        int clitic = CliticLength(word);
        if (clitic > 0 && clitic < word.Length)
        {
            doc.AddToken(new TextSpan(start, word.Length - clitic));
            doc.AddToken(new TextSpan(end - clitic, clitic));
        }
        else
        {
            doc.AddToken(new TextSpan(start, end - start));
        }
        if (percent) doc.AddToken(new TextSpan(end, 1));
    }

    /// <summary>Length of an English clitic at the end of a word (n't, 's, 're, 've, 'll, 'd, 'm), or 0.</summary>
    internal static int CliticLength(ReadOnlySpan<char> w)
    {
        if (w.Length < 3) return 0;
        // n't: "don't" -> do + n't ; "won't" -> wo + n't
        if (w.Length >= 4 && (w[^1] is 't' or 'T') && (w[^2] is '\'' or '\u2019') && (w[^3] is 'n' or 'N')) return 3;
        char a = w[^2];
        if (a is '\'' or '\u2019')
        {
            char b = char.ToLowerInvariant(w[^1]);
            if (b is 's' or 'd' or 'm') return 2;
            return 0;
        }
        if (w.Length >= 4 && (w[^3] is '\'' or '\u2019'))
        {
            var last = w[^2..];
            if (last.Equals("re", StringComparison.OrdinalIgnoreCase) || last.Equals("ve", StringComparison.OrdinalIgnoreCase)
                || last.Equals("ll", StringComparison.OrdinalIgnoreCase))
                return 3;
        }
        return 0;
    }

    /// <summary>Groups tokens [first, end) of one paragraph into sentences.</summary>
    internal static void SplitSentences(Document doc, int first, int end, int paragraph, bool headline)
    {
        if (end <= first) return;
        int start = first;
        int dateline = headline ? -1 : DatelineEnd(doc, first, end);
        for (int t = first; t < end; t++)
        {
            bool boundary = t == end - 1 || t - start + 1 >= MaxSentenceTokens || t == dateline;
            if (!boundary && !headline && EndsHere(doc, t, end))
            {
                // Closing quotes and brackets attached to the punctuation belong to this sentence.
                while (t + 1 < end && IsCloser(doc, t + 1)) t++;
                boundary = true;
            }
            if (boundary)
            {
                int count = t - start + 1;
                doc.Sentences.Add(new Sentence(doc.TokensSpan(start, count), start, count, paragraph));
                start = t + 1;
            }
        }
    }

    /// <summary>
    /// The dash ending a dateline at the start of a paragraph ("BEIJING —", "KYIV (Reuters) -", "WASHINGTON, D.C. --"),
    /// or -1. The dateline becomes a sentence of its own, so it does not run into the first sentence's parse.
    /// </summary>
    internal static int DatelineEnd(Document doc, int first, int end)
    {
        int limit = Math.Min(end - 1, first + 10);
        bool sawPlace = false;
        for (int t = first; t < limit; t++)
        {
            var w = doc.Word(t).AsSpan();
            if (w is "\u2014" or "\u2013" or "-" or "--")
            {
                if (!sawPlace || t == first || t + 1 >= end) return -1;
                var next = doc.Word(t + 1);
                return char.IsUpper(next[0]) || next[0] is '"' or '\u201C' ? t : -1;
            }
            if (w is "," or "(" or ")") continue;
            if (t > first && doc.Word(t - 1) == "(")
            {
                continue; // the agency inside parentheses: (Reuters), (AP)
            }
            if (!IsAllCapsWord(w)) return -1;
            sawPlace = true;
        }
        return -1;
    }

    private static bool IsAllCapsWord(ReadOnlySpan<char> w)
    {
        int letters = 0;
        foreach (char c in w)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c)) return false;
                letters++;
            }
            else if (c is not ('.' or '\'' or '-')) return false;
        }
        return letters >= 2;
    }

    private static bool IsCloser(Document doc, int t)
    {
        var w = doc.Word(t);
        if (w.Length != 1) return false;
        char c = w[0];
        if (c is '\u201D' or '\u2019' or ')' or ']' or '\u00BB') return true;
        if (c is '"' or '\'')
        {
            // A straight quote right after the previous token (no space) closes it.
            return doc.TokenSpan(t).Start == doc.TokenSpan(t - 1).End;
        }
        return false;
    }

    private static bool EndsHere(Document doc, int t, int end)
    {
        var w = doc.Word(t).AsSpan();
        bool terminal = w is "." or "!" or "?" or "..." or "\u2026";
        bool abbrev = !terminal && w.Length > 1 && w[^1] == '.';
        if (!terminal && !abbrev) return false;
        if (abbrev && Abbreviations.NeverEndsSentence(w)) return false;
        // Find the next word after closers.
        int n = t + 1;
        while (n < end && IsCloser(doc, n)) n++;
        if (n >= end) return true;
        var next = doc.Word(n).AsSpan();
        // Skip an opening quote to see the first word.
        if (next.Length == 1 && next[0] is '"' or '\u201C' or '\'' or '\u2018' or '(' && n + 1 < end) next = doc.Word(n + 1).AsSpan();
        char c = next[0];
        if (char.IsLower(c)) return false;
        if (abbrev)
        {
            if (char.IsDigit(c)) return false;
            // "in the U.S. The talks..." closes; "U.S. President" does not.
            return Abbreviations.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next);
        }
        return true;
    }
}
