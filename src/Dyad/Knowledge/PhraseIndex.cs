namespace Dyad.Knowledge;

/// <summary>Options for <see cref="KnowledgeBase.Match"/>.</summary>
[Flags]
public enum MatchOptions
{
    None = 0,
    /// <summary>Compare every token without regard to case (for all-caps or all-lower text).</summary>
    IgnoreCase = 1,
}

/// <summary>
/// The result of a longest-match lookup: the phrase covers tokens [<see cref="Start"/>, <see cref="Start"/>+<see cref="Length"/>)
/// and has one or more meanings (<see cref="Count"/>), ordered by kind (person, organisation, country, adjective,
/// demonym, seat, capital, agent, city) then by source order. Allocation-free: enumerate with foreach.
/// </summary>
public readonly struct PhraseMatch
{
    private readonly PhraseEntry[]? _entries;
    private readonly int _first;
    private readonly ulong _mask;
    // a second run of meanings, from the gazetteer, when a city name is as long as the actor phrase
    private readonly PhraseEntry[]? _entries2;
    private readonly int _first2;
    private readonly ulong _mask2;

    internal PhraseMatch(PhraseEntry[] entries, int start, int length, int first, ulong mask)
    {
        _entries = entries; Start = start; Length = length; _first = first; _mask = mask;
    }

    private PhraseMatch(in PhraseMatch a, in PhraseMatch b)
    {
        _entries = a._entries; Start = a.Start; Length = a.Length; _first = a._first; _mask = a._mask;
        _entries2 = b._entries; _first2 = b._first; _mask2 = b._mask;
    }

    /// <summary>This match followed by the meanings of <paramref name="other"/>, a match of the same tokens.</summary>
    internal PhraseMatch Concat(in PhraseMatch other) => new(this, other);

    public int Start { get; }
    /// <summary>Number of tokens matched; 0 when nothing matched.</summary>
    public int Length { get; }
    public bool IsEmpty => Length == 0;
    public int End => Start + Length;
    public int Count => System.Numerics.BitOperations.PopCount(_mask) + System.Numerics.BitOperations.PopCount(_mask2);

    /// <summary>The first (preferred) meaning. Throws when empty.</summary>
    public PhraseEntry First => IsEmpty ? throw new InvalidOperationException("no match") : _entries![_first + System.Numerics.BitOperations.TrailingZeroCount(_mask)];

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator
    {
        private readonly PhraseMatch _m;
        private ulong _mask, _mask2;
        private PhraseEntry _current;

        internal Enumerator(in PhraseMatch m) { _m = m; _mask = m._mask; _mask2 = m._mask2; _current = default; }

        public readonly PhraseEntry Current => _current;

        public bool MoveNext()
        {
            if (_mask != 0)
            {
                int bit = System.Numerics.BitOperations.TrailingZeroCount(_mask);
                _mask &= _mask - 1;
                _current = _m._entries![_m._first + bit];
                return true;
            }
            if (_mask2 != 0)
            {
                int bit = System.Numerics.BitOperations.TrailingZeroCount(_mask2);
                _mask2 &= _mask2 - 1;
                _current = _m._entries2![_m._first2 + bit];
                return true;
            }
            return false;
        }
    }
}

/// <summary>
/// A token trie over case-folded token ids. Each phrase is split like a PTB tokenizer would split it ("People's" →
/// "People", "'s"); matching walks the trie from a start token and keeps the longest node with an entry that passes
/// the case rule and the kind filter. Case rule: a token of the entry written with no upper-case letter matches in any
/// case ("president" matches "President"); other tokens must match exactly, except that an ALL-CAPS input token
/// matches any entry token ("KREMLIN" matches "Kremlin"), and <see cref="MatchOptions.IgnoreCase"/> turns the rule off.
/// </summary>
internal sealed class PhraseIndex
{
    public const int MaxPhraseTokens = 24;
    private const int MaxEntriesPerNode = 64;

    private readonly Dictionary<string, int> _fold;            // token text, any case -> folded id
    private readonly int[] _childStart, _childCount;            // per node
    private readonly int[] _childKey, _childNode;               // per edge, sorted by key within a node
    private readonly int[] _entryStart, _entryCount;            // per node
    private readonly PhraseEntry[] _entries;
    private readonly string[][] _entryTokens;                   // per entry: tokens as written
    private readonly uint[] _caseFree;                          // per entry: bit k set when token k has no upper-case letter

    public int PhraseCount => _entries.Length;

    private PhraseIndex(Dictionary<string, int> fold, int[] cs, int[] cc, int[] ck, int[] cn, int[] es, int[] ec, PhraseEntry[] entries, string[][] tokens, uint[] caseFree)
    {
        _fold = fold; _childStart = cs; _childCount = cc; _childKey = ck; _childNode = cn; _entryStart = es; _entryCount = ec;
        _entries = entries; _entryTokens = tokens; _caseFree = caseFree;
    }

    public PhraseMatch Match(ReadOnlySpan<string> tokens, int start, EntryKinds kinds, MatchOptions options)
    {
        if ((uint)start >= (uint)tokens.Length) return default;
        int node = 0, bestLen = 0, bestFirst = 0;
        ulong bestMask = 0;
        bool ignoreCase = (options & MatchOptions.IgnoreCase) != 0;
        int limit = Math.Min(tokens.Length - start, MaxPhraseTokens);
        for (int k = 0; k < limit; k++)
        {
            var tok = tokens[start + k];
            if (tok is null || !TryFold(tok, out int id)) break;
            int child = FindChild(node, id);
            if (child < 0) break;
            node = child;
            int count = _entryCount[node];
            if (count == 0) continue;
            int first = _entryStart[node];
            ulong mask = 0;
            for (int e = 0; e < count; e++)
            {
                ref readonly var entry = ref _entries[first + e];
                if ((kinds & (EntryKinds)(1 << (int)entry.Kind)) == 0) continue;
                if (!ignoreCase && !CaseMatches(first + e, tokens.Slice(start, k + 1))) continue;
                mask |= 1UL << e;
            }
            if (mask != 0) { bestLen = k + 1; bestFirst = first; bestMask = mask; }
        }
        return bestLen == 0 ? default : new PhraseMatch(_entries, start, bestLen, bestFirst, bestMask);
    }

    private bool TryFold(string tok, out int id)
    {
        if (_fold.TryGetValue(tok, out id)) return true;
        if (tok.AsSpan().IndexOfAny('\u2019', '\u2018') >= 0)
            return _fold.TryGetValue(tok.Replace('\u2019', '\'').Replace('\u2018', '\''), out id);
        return false;
    }

    private int FindChild(int node, int key)
    {
        int lo = _childStart[node], hi = lo + _childCount[node] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int k = _childKey[mid];
            if (k == key) return _childNode[mid];
            if (k < key) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    private bool CaseMatches(int entry, ReadOnlySpan<string> input)
    {
        var written = _entryTokens[entry];
        uint caseFree = _caseFree[entry];
        for (int k = 0; k < written.Length; k++)
        {
            if ((caseFree & (1u << k)) != 0) continue;
            if (SameText(written[k], input[k])) continue;
            if (IsAllCaps(input[k])) continue;
            return false;
        }
        return true;
    }

    /// <summary>Ordinal equality that treats curly and straight apostrophes as the same.</summary>
    private static bool SameText(string a, string b)
    {
        if (ReferenceEquals(a, b) || a == b) return true;
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            if (IsApostrophe(x) && IsApostrophe(y)) continue;
            return false;
        }
        return true;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018';

    private static bool IsAllCaps(string s)
    {
        int letters = 0;
        foreach (char c in s)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) letters++;
        }
        return letters >= 2;
    }

    /// <summary>Splits a phrase the way a PTB-style tokenizer splits text: on spaces, with "'s" and a final comma as tokens of their own.</summary>
    public static string[] Tokenize(string phrase)
    {
        if (phrase.IndexOf(' ') < 0 && phrase.IndexOf('\'') < 0 && phrase.IndexOf('\u2019') < 0 && !phrase.EndsWith(','))
            return phrase.Length == 0 ? [] : [phrase];
        var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var list = new List<string>(parts.Length + 1);
        foreach (var p in parts)
        {
            if (p.Length > 2 && (p.EndsWith("'s", StringComparison.Ordinal) || p.EndsWith("\u2019s", StringComparison.Ordinal)))
            {
                list.Add(p[..^2]);
                list.Add("'s");
            }
            else if (p.Length > 1 && p.EndsWith(',')) { list.Add(p[..^1]); list.Add(","); }
            else list.Add(p);
        }
        return [.. list];
    }

    // ------------------------------------------------------------------ building

    internal sealed class Builder
    {
        private readonly List<(string[] Tokens, PhraseEntry Entry)> _phrases = [];
        private readonly HashSet<(string, EntryKind, int, string?)> _seen = [];
        private readonly Dictionary<string, string> _tokenStrings = new(StringComparer.Ordinal);

        public void Add(string phrase, PhraseEntry entry)
        {
            // the same phrase for the same entity once only (e.g. an alias equal to a name)
            if (!_seen.Add((phrase, entry.Kind, entry.EntityId, entry.Sector))) return;
            var tokens = Tokenize(phrase);
            if (tokens.Length == 0 || tokens.Length > MaxPhraseTokens) return;
            for (int i = 0; i < tokens.Length; i++)
            {
                if (_tokenStrings.TryGetValue(tokens[i], out var s)) tokens[i] = s;
                else _tokenStrings.Add(tokens[i], tokens[i]);
            }
            _phrases.Add((tokens, entry));
        }

        public PhraseIndex Build()
        {
            int count = _phrases.Count;
            // folded ids in order of first appearance, and the trie's edges in one table keyed by (parent node, token id):
            // deterministic for the same input, and no per-node dictionaries
            var fold = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var edges = new Dictionary<long, int>(count * 2);
            var terminal = new int[count];
            int nodes = 1;
            for (int p = 0; p < count; p++)
            {
                int node = 0;
                foreach (var tok in _phrases[p].Tokens)
                {
                    if (!fold.TryGetValue(tok, out int id)) { id = fold.Count; fold.Add(tok, id); }
                    long key = ((long)node << 32) | (uint)id;
                    if (!edges.TryGetValue(key, out int child)) { child = nodes++; edges.Add(key, child); }
                    node = child;
                }
                terminal[p] = node;
            }

            // children of each node: edges sorted by (parent, token id) are contiguous per parent and sorted by key
            var edgeKeys = new long[edges.Count];
            var edgeNodes = new int[edges.Count];
            int e = 0;
            foreach (var (k, v) in edges) { edgeKeys[e] = k; edgeNodes[e] = v; e++; }
            Array.Sort(edgeKeys, edgeNodes);
            var cs = new int[nodes]; var cc = new int[nodes];
            var ck = new int[edgeKeys.Length];
            for (int i = 0; i < edgeKeys.Length; i++)
            {
                int parent = (int)(edgeKeys[i] >> 32);
                if (cc[parent] == 0) cs[parent] = i;
                cc[parent]++;
                ck[i] = (int)(edgeKeys[i] & 0xFFFFFFFF);
            }

            // meanings of each node: phrases sorted by (node, kind, source order)
            var order = new long[count];
            for (int p = 0; p < count; p++)
                order[p] = ((long)terminal[p] << 36) | ((long)_phrases[p].Entry.Kind << 28) | (uint)p;
            Array.Sort(order);
            var es = new int[nodes]; var ec = new int[nodes];
            var entries = new List<PhraseEntry>(count);
            var tokens = new List<string[]>(count);
            var caseFree = new List<uint>(count);
            for (int i = 0; i < count; i++)
            {
                int node = (int)(order[i] >> 36);
                int p = (int)(order[i] & 0x0FFFFFFF);
                if (ec[node] == 0) es[node] = entries.Count;
                if (ec[node] >= MaxEntriesPerNode) continue;
                var (toks, entry) = _phrases[p];
                entries.Add(entry);
                tokens.Add(toks);
                uint free = 0;
                for (int k = 0; k < toks.Length; k++)
                    if (!HasUpper(toks[k])) free |= 1u << k;
                caseFree.Add(free);
                ec[node]++;
            }
            return new PhraseIndex(fold, cs, cc, ck, edgeNodes, es, ec, [.. entries], [.. tokens], [.. caseFree]);
        }

        private static bool HasUpper(string s)
        {
            foreach (char c in s) if (char.IsUpper(c)) return true;
            return false;
        }
    }
}
