namespace Dyad.Syntax;

/// <summary>
/// Lemmatizer: a lexicon of (form, UPOS) → lemma learned from the training treebank, then suffix-rewrite rules
/// learned from the same data for unseen words (longest matching suffix per UPOS wins). Immutable and thread-safe.
/// Usage: <c>lemmatizer.Lemmatize("spoke", UPos.Verb, "VBD")</c> gives "speak".
/// </summary>
public sealed class Lemmatizer
{
    private readonly Dictionary<string, Entry[]> _lexicon;
    private readonly Dictionary<string, Dictionary<string, Rule>> _rules; // key: UPOS name, then suffix
    internal const int MaxSuffix = 6;

    internal readonly record struct Entry(UPos Upos, string Lemma);

    internal readonly record struct Rule(byte Strip, string Append);

    private readonly HashSet<string> _knownLemmas;

    internal Lemmatizer(Dictionary<string, Entry[]> lexicon, Dictionary<string, Dictionary<string, Rule>> rules)
    {
        _lexicon = lexicon;
        _rules = rules;
        _knownLemmas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entries in lexicon.Values)
            foreach (var e in entries)
                if (e.Upos is UPos.Verb or UPos.Noun or UPos.Adj or UPos.Aux)
                    _knownLemmas.Add(e.Lemma.ToLowerInvariant());
    }

    /// <summary>Number of lexicon forms.</summary>
    public int LexiconSize => _lexicon.Count;

    /// <summary>The lemma of <paramref name="word"/> read as <paramref name="upos"/> (XPOS may be null).</summary>
    public string Lemmatize(string word, UPos upos, string? xpos = null)
    {
        if (string.IsNullOrEmpty(word))
            return word;
        if (_lexicon.TryGetValue(word, out var entries) && Find(entries, upos) is { } exact)
            return exact;
        if (upos == UPos.PropN)
            return word;
        string lower = HasUpper(word) ? word.ToLowerInvariant() : word;
        if (!ReferenceEquals(lower, word) && _lexicon.TryGetValue(lower, out entries) && Find(entries, upos) is { } low)
            return low;
        if (upos is UPos.Num or UPos.Punct or UPos.Sym or UPos.X)
            return word;
        if (_rules.TryGetValue(UPosNames.Name(upos), out var bySuffix))
        {
            for (int k = Math.Min(MaxSuffix, lower.Length - 1); k >= 1; k--)
            {
                if (bySuffix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower.AsSpan(lower.Length - k), out var rule))
                {
                    if (rule.Strip == 0 && rule.Append.Length == 0)
                        return lower;
                    if (rule.Strip >= lower.Length)
                        return lower;
                    string candidate = string.Concat(lower.AsSpan(0, lower.Length - rule.Strip), rule.Append);
                    return _knownLemmas.Contains(candidate) ? candidate : KnownAlternative(lower) ?? candidate;
                }
            }
        }
        return lower;
    }

    /// <summary>For an inflected form whose rule output is not a known lemma, the first standard de-inflection
    /// (stem+e, stem, undoubled stem, -ied→-y) that is a known lemma.</summary>
    private string? KnownAlternative(string lower)
    {
        ReadOnlySpan<string> endings = ["ed", "ing", "es", "s", "er", "est"];
        foreach (var ending in endings)
        {
            if (lower.Length <= ending.Length + 1 || !lower.EndsWith(ending, StringComparison.Ordinal))
                continue;
            string stem = lower[..^ending.Length];
            if (_knownLemmas.Contains(stem + "e"))
                return stem + "e";
            if (_knownLemmas.Contains(stem))
                return stem;
            if (stem.Length > 2 && stem[^1] == stem[^2] && _knownLemmas.Contains(stem[..^1]))
                return stem[..^1];
            if (stem.EndsWith('i') && _knownLemmas.Contains(stem[..^1] + "y"))
                return stem[..^1] + "y";
        }
        return null;
    }

    private static string? Find(Entry[] entries, UPos upos)
    {
        foreach (var e in entries)
            if (e.Upos == upos)
                return e.Lemma;
        return null;
    }

    private static bool HasUpper(string s)
    {
        foreach (char c in s)
            if (char.IsUpper(c))
                return true;
        return false;
    }

    /// <summary>The rewrite that turns <paramref name="form"/> into <paramref name="lemma"/>.</summary>
    internal static Rule RuleFor(string form, string lemma)
    {
        int p = 0;
        while (p < form.Length && p < lemma.Length && form[p] == lemma[p])
            p++;
        int strip = form.Length - p;
        return new Rule((byte)Math.Min(strip, 255), lemma[p..]);
    }

    internal void Write(BinaryWriter w)
    {
        var forms = _lexicon.Keys.ToList();
        forms.Sort(StringComparer.Ordinal);
        w.Write(forms.Count);
        foreach (var f in forms)
        {
            var entries = _lexicon[f];
            w.Write(f);
            w.Write((byte)entries.Length);
            foreach (var e in entries)
            {
                w.Write((byte)e.Upos);
                w.Write(e.Lemma == f ? "" : e.Lemma);
                w.Write(e.Lemma == f);
            }
        }
        var tags = _rules.Keys.ToList();
        tags.Sort(StringComparer.Ordinal);
        w.Write(tags.Count);
        foreach (var t in tags)
        {
            w.Write(t);
            var suffixes = _rules[t].Keys.ToList();
            suffixes.Sort(StringComparer.Ordinal);
            w.Write(suffixes.Count);
            foreach (var s in suffixes)
            {
                var r = _rules[t][s];
                w.Write(s);
                w.Write(r.Strip);
                w.Write(r.Append);
            }
        }
    }

    internal static Lemmatizer Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var lexicon = new Dictionary<string, Entry[]>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string f = r.ReadString();
            var entries = new Entry[r.ReadByte()];
            for (int j = 0; j < entries.Length; j++)
            {
                var upos = (UPos)r.ReadByte();
                string lemma = r.ReadString();
                bool same = r.ReadBoolean();
                entries[j] = new Entry(upos, same ? f : lemma);
            }
            lexicon[f] = entries;
        }
        int nt = r.ReadInt32();
        var rules = new Dictionary<string, Dictionary<string, Rule>>(StringComparer.Ordinal);
        for (int i = 0; i < nt; i++)
        {
            string t = r.ReadString();
            int ns = r.ReadInt32();
            var d = new Dictionary<string, Rule>(ns, StringComparer.Ordinal);
            for (int j = 0; j < ns; j++)
            {
                string s = r.ReadString();
                byte strip = r.ReadByte();
                d[s] = new Rule(strip, r.ReadString());
            }
            rules[t] = d;
        }
        return new Lemmatizer(lexicon, rules);
    }

    /// <summary>Learns the lexicon and suffix rules from treebank words (form, UPOS, lemma).</summary>
    internal static Lemmatizer Learn(IEnumerable<(string Form, UPos Upos, string Lemma)> words)
    {
        var counts = new Dictionary<(string, UPos), Dictionary<string, int>>();
        foreach (var (form, upos, lemma) in words)
        {
            if (lemma == "_" || form.Length == 0)
                continue;
            if (!counts.TryGetValue((form, upos), out var d))
                counts[(form, upos)] = d = new Dictionary<string, int>(StringComparer.Ordinal);
            d[lemma] = d.GetValueOrDefault(lemma) + 1;
        }
        var byForm = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        // Suffix statistics over word types: (UPOS, suffix) -> rule -> count.
        var stats = new Dictionary<(UPos, string), Dictionary<Rule, int>>();
        var keys = counts.Keys.ToList();
        keys.Sort((a, b) => a.Item1 != b.Item1 ? string.CompareOrdinal(a.Item1, b.Item1) : a.Item2.CompareTo(b.Item2));
        foreach (var key in keys)
        {
            var d = counts[key];
            string best = "";
            int bestCount = -1;
            foreach (var kv in d.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                if (kv.Value > bestCount)
                    (best, bestCount) = (kv.Key, kv.Value);
            if (!byForm.TryGetValue(key.Item1, out var list))
                byForm[key.Item1] = list = [];
            list.Add(new Entry(key.Item2, best));
            var (form, upos) = key;
            if (upos is UPos.PropN or UPos.Num or UPos.Punct or UPos.Sym or UPos.X)
                continue;
            string lf = form.ToLowerInvariant();
            string ll = best.ToLowerInvariant();
            if (lf.Length < 2)
                continue;
            var rule = RuleFor(lf, ll);
            for (int k = 1; k <= Math.Min(MaxSuffix, lf.Length - 1); k++)
            {
                var sk = (upos, lf[^k..]);
                if (!stats.TryGetValue(sk, out var rc))
                    stats[sk] = rc = new Dictionary<Rule, int>();
                rc[rule] = rc.GetValueOrDefault(rule) + 1;
            }
        }
        var lexicon = new Dictionary<string, Entry[]>(byForm.Count, StringComparer.Ordinal);
        foreach (var kv in byForm)
            lexicon[kv.Key] = kv.Value.ToArray();

        // Keep the best rule per suffix when it is seen at least twice and differs from the shorter suffix's rule.
        var bestRule = new Dictionary<(UPos, string), Rule>();
        foreach (var kv in stats)
        {
            Rule br = default;
            int bc = -1;
            foreach (var rc in kv.Value.OrderBy(x => x.Key.Strip).ThenBy(x => x.Key.Append, StringComparer.Ordinal))
                if (rc.Value > bc)
                    (br, bc) = (rc.Key, rc.Value);
            if (bc >= 2 || kv.Key.Item2.Length == 1)
                bestRule[kv.Key] = br;
        }
        var rules = new Dictionary<string, Dictionary<string, Rule>>(StringComparer.Ordinal);
        foreach (var kv in bestRule)
        {
            var (upos, suffix) = kv.Key;
            // Find the nearest shorter kept suffix; drop this one when it would give the same rewrite.
            bool redundant = false;
            for (int k = suffix.Length - 1; k >= 1; k--)
            {
                if (bestRule.TryGetValue((upos, suffix[^k..]), out var shorter))
                {
                    redundant = shorter == kv.Value;
                    break;
                }
            }
            if (redundant)
                continue;
            string tag = UPosNames.Name(upos);
            if (!rules.TryGetValue(tag, out var d))
                rules[tag] = d = new Dictionary<string, Rule>(StringComparer.Ordinal);
            d[suffix] = kv.Value;
        }
        return new Lemmatizer(lexicon, rules);
    }
}
