namespace Dyad.Coding;

/// <summary>
/// Generates the inflected forms of an English verb or noun lemma, so that patterns written with lemmas match text
/// without a lemmatizer. It over-generates where spelling is uncertain (both "targeted" and "targetted"): a form that
/// never occurs costs nothing.
/// </summary>
public static class Inflection
{
    private const string Vowels = "aeiou";

    /// <summary>All forms of a verb lemma: base, -s, -ed, -ing (and irregular forms when given).</summary>
    public static IEnumerable<string> VerbForms(string lemma, IReadOnlyDictionary<string, string[]> irregular)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { lemma };
        if (irregular.TryGetValue(lemma, out var irr))
        {
            foreach (var f in irr) forms.Add(f);
        }
        forms.Add(ThirdPerson(lemma));
        foreach (var f in Past(lemma)) forms.Add(f);
        foreach (var f in Gerund(lemma)) forms.Add(f);
        return forms;
    }

    /// <summary>Forms a pattern word can take in text: itself, its plural or third person, and its verb forms.</summary>
    public static IEnumerable<string> WordForms(string word, IReadOnlyDictionary<string, string[]> irregular)
    {
        var forms = new HashSet<string>(VerbForms(word, irregular), StringComparer.Ordinal);
        // A plural pattern word ("talks") also matches the singular ("talk").
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            forms.Add(word[..^1]);
            if (word.EndsWith("ies", StringComparison.Ordinal)) forms.Add(word[..^3] + "y");
        }
        return forms;
    }

    public static string ThirdPerson(string w)
    {
        if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal)
            || w.EndsWith("sh", StringComparison.Ordinal) || w.EndsWith('o'))
            return w + "es";
        if (w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2])) return w[..^1] + "ies";
        return w + "s";
    }

    public static IEnumerable<string> Past(string w)
    {
        if (w.EndsWith('e')) yield return w + "d";
        else if (w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2])) yield return w[..^1] + "ied";
        else
        {
            yield return w + "ed";
            if (EndsCvc(w)) yield return w + w[^1] + "ed";
            if (w.EndsWith('c')) yield return w + "ked"; // panic -> panicked
        }
    }

    public static IEnumerable<string> Gerund(string w)
    {
        if (w.EndsWith("ie", StringComparison.Ordinal)) yield return w[..^2] + "ying";
        else if (w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) && !w.EndsWith("ye", StringComparison.Ordinal)
                 && !w.EndsWith("oe", StringComparison.Ordinal) && w.Length > 2)
            yield return w[..^1] + "ing";
        else
        {
            yield return w + "ing";
            if (EndsCvc(w)) yield return w + w[^1] + "ing";
            if (w.EndsWith('c')) yield return w + "king";
        }
    }

    private static bool IsVowel(char c) => Vowels.Contains(c);

    /// <summary>Consonant-vowel-consonant ending (not w, x, y): candidates for doubling (ban -> banned).</summary>
    private static bool EndsCvc(string w) =>
        w.Length >= 3 && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y') && IsVowel(w[^2]) && !IsVowel(w[^3]);
}
