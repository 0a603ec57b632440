namespace Dyad.Reading.Web;

/// <summary>
/// A light language check: the share of common English function words among the words of a text. English news
/// prose runs at 35–50 %; other languages written in Latin script stay under 10 %.
/// </summary>
public static class LanguageCheck
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as", "at", "by",
        "this", "had", "from", "but", "not", "are", "or", "have", "be", "which", "his", "they", "an", "were", "their",
        "has", "been", "will", "would", "who", "its", "she", "her", "we", "there", "said", "after", "more", "than",
        "also", "about", "into", "over", "when", "can", "could", "our", "you", "all", "one", "new", "up", "out", "if",
        "what", "so", "no", "him", "them", "other", "some", "these", "those", "then", "just", "most", "because", "while",
        "where", "being", "did", "do", "does", "such", "before", "between", "under", "against", "during", "only", "any",
    };

    /// <summary>The share of English stopwords among the first 2,000 words (0 when there are no words).</summary>
    public static double EnglishScore(ReadOnlySpan<char> text)
    {
        int words = Count(text, out int hits);
        return words == 0 ? 0 : (double)hits / words;
    }

    // Words (letter runs, apostrophes inside) among the first 2,000, and how many of them are stopwords.
    private static int Count(ReadOnlySpan<char> text, out int hits)
    {
        var lookup = Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0;
        hits = 0;
        int i = 0;
        while (i < text.Length && words < 2000)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'')) i++;
            if (i > start)
            {
                words++;
                if (lookup.Contains(text[start..i])) hits++;
            }
        }
        return words;
    }

    /// <summary>True when the text reads as English (at least 15 % stopwords over at least 8 words).</summary>
    public static bool IsEnglish(ReadOnlySpan<char> text) => Identify(text, null) == "en";

    /// <summary>
    /// "en" when the text reads as English; otherwise the declared language (its primary subtag) or "und";
    /// null when the text has fewer than 8 words, too few to tell.
    /// </summary>
    public static string? Identify(ReadOnlySpan<char> text, string? declared)
    {
        int words = Count(text, out int hits);
        if (words < 8) return null;
        if (hits >= 0.15 * words) return "en";
        if (!string.IsNullOrWhiteSpace(declared))
        {
            string d = declared.Trim();
            int dash = d.IndexOfAny(new[] { '-', '_' });
            if (dash > 0) d = d[..dash];
            d = d.ToLowerInvariant();
            if (d != "en" && d.Length is >= 2 and <= 3) return d;
        }
        return "und";
    }
}
