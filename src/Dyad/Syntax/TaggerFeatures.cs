namespace Dyad.Syntax;

/// <summary>What the tagger knows about a training word form: its ambiguity class and, for frequent unambiguous
/// words, the class to assign without scoring.</summary>
internal readonly record struct TagLexEntry(uint Ambiguity, short FixedClass);

/// <summary>Exact-form and lower-cased-form lexicons of the tagger.</summary>
internal sealed class TagLexicon
{
    public const uint Unknown = 0x554e4b31;
    private readonly Dictionary<string, TagLexEntry> _exact;
    private readonly Dictionary<string, TagLexEntry> _lower;
    private readonly Dictionary<string, TagLexEntry>.AlternateLookup<ReadOnlySpan<char>> _lowerLookup;

    public TagLexicon(Dictionary<string, TagLexEntry> exact, Dictionary<string, TagLexEntry> lower)
    {
        _exact = exact;
        _lower = lower;
        _lowerLookup = lower.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Dictionary<string, TagLexEntry> Exact => _exact;
    public Dictionary<string, TagLexEntry> Lower => _lower;

    public TagLexEntry Lookup(string word, bool useFixed)
    {
        if (_exact.TryGetValue(word, out var e))
            return useFixed ? e : e with { FixedClass = -1 };
        if (word.Length <= 64)
        {
            Span<char> buf = stackalloc char[word.Length];
            word.AsSpan().ToLowerInvariant(buf);
            if (_lowerLookup.TryGetValue(buf, out e))
                return e with { FixedClass = -1 };
        }
        return new TagLexEntry(Unknown, -1);
    }

    public void Write(BinaryWriter w)
    {
        WriteDict(w, _exact);
        WriteDict(w, _lower);
    }

    public static TagLexicon Read(BinaryReader r) => new(ReadDict(r), ReadDict(r));

    private static void WriteDict(BinaryWriter w, Dictionary<string, TagLexEntry> d)
    {
        var keys = d.Keys.ToList();
        keys.Sort(StringComparer.Ordinal);
        w.Write(keys.Count);
        foreach (var k in keys)
        {
            w.Write(k);
            w.Write(d[k].Ambiguity);
            w.Write(d[k].FixedClass);
        }
    }

    private static Dictionary<string, TagLexEntry> ReadDict(BinaryReader r)
    {
        int n = r.ReadInt32();
        var d = new Dictionary<string, TagLexEntry>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string k = r.ReadString();
            uint amb = r.ReadUInt32();
            d[k] = new TagLexEntry(amb, r.ReadInt16());
        }
        return d;
    }
}

/// <summary>
/// Per-sentence tagger feature context: token properties hashed once per token, then per-position feature vectors
/// built from them and the previous two predicted classes. One instance per thread (reused).
/// </summary>
internal sealed class TaggerContext
{
    public const int MaxFeatures = 56;
    private const uint Pad = 0x50414421, PadPrev = 0x50524556;

    public int Length;
    public uint[] Lower = new uint[64];
    public uint[] Shape = new uint[64];
    public uint[] Pre1 = new uint[64], Pre2 = new uint[64], Pre3 = new uint[64];
    public uint[] Suf1 = new uint[64], Suf2 = new uint[64], Suf3 = new uint[64], Suf4 = new uint[64], Suf5 = new uint[64];
    public uint[] Exact = new uint[64];
    public uint[] Amb = new uint[64];
    public short[] Fixed = new short[64];
    public uint[] Flags = new uint[64];
    public uint[] Feats = new uint[MaxFeatures];
    public float[] Scores = new float[256];
    public int[] Classes = new int[64];
    /// <summary>First-pass classes, read by the second pass as right-context features.</summary>
    public int[] First = new int[64];

    public void Prepare(ReadOnlySpan<string> words, TagLexicon lexicon, bool useFixed)
    {
        int n = words.Length;
        Length = n;
        if (Lower.Length < n)
        {
            int cap = Math.Max(n, Lower.Length * 2);
            Lower = new uint[cap];
            Shape = new uint[cap];
            Pre1 = new uint[cap];
            Pre2 = new uint[cap];
            Pre3 = new uint[cap];
            Suf1 = new uint[cap];
            Suf2 = new uint[cap];
            Suf3 = new uint[cap];
            Suf4 = new uint[cap];
            Suf5 = new uint[cap];
            Exact = new uint[cap];
            Amb = new uint[cap];
            Fixed = new short[cap];
            Flags = new uint[cap];
            Classes = new int[cap];
            First = new int[cap];
        }
        for (int i = 0; i < n; i++)
        {
            string w = words[i] ?? "";
            var s = w.AsSpan();
            Lower[i] = FeatureHash.LowerChars(s);
            Shape[i] = ShapeHash(s);
            Pre1[i] = FeatureHash.LowerChars(s[..Math.Min(1, s.Length)]);
            Pre2[i] = FeatureHash.LowerChars(s[..Math.Min(2, s.Length)]);
            Pre3[i] = FeatureHash.LowerChars(s[..Math.Min(3, s.Length)]);
            Suf1[i] = FeatureHash.LowerChars(s[Math.Max(0, s.Length - 1)..]);
            Suf2[i] = FeatureHash.LowerChars(s[Math.Max(0, s.Length - 2)..]);
            Suf3[i] = FeatureHash.LowerChars(s[Math.Max(0, s.Length - 3)..]);
            Suf4[i] = FeatureHash.LowerChars(s[Math.Max(0, s.Length - 4)..]);
            Suf5[i] = FeatureHash.LowerChars(s[Math.Max(0, s.Length - 5)..]);
            Exact[i] = FeatureHash.Chars(s);
            var e = lexicon.Lookup(w, useFixed);
            Amb[i] = e.Ambiguity;
            Fixed[i] = e.FixedClass;
            uint flags = 0;
            if (s.Length > 0 && char.IsUpper(s[0]))
                flags |= 1;
            if (i == 0)
                flags |= 2;
            if (s.Contains('-'))
                flags |= 4;
            if (s.IndexOfAnyInRange('0', '9') >= 0)
                flags |= 8;
            if (s.Length > 1 && IsAllUpper(s))
                flags |= 16;
            Flags[i] = flags;
        }
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (char.IsLetter(c) && !char.IsUpper(c))
                return false;
        return true;
    }

    /// <summary>Word shape with runs collapsed to two ("McDonald's" → "XxxXxx'x"), hashed.</summary>
    private static uint ShapeHash(ReadOnlySpan<char> s)
    {
        uint h = 0x53484150;
        char prev = '\0', prev2 = '\0';
        int len = 0;
        foreach (char c in s)
        {
            char m = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (m == prev && m == prev2)
                continue;
            prev2 = prev;
            prev = m;
            h = FeatureHash.Mix(h, m);
            if (++len >= 10)
                break;
        }
        return FeatureHash.Final(h);
    }

    /// <summary>Second-pass features: the first-pass features plus first-pass classes to the right.</summary>
    public int Features2(int i, int prev1, int prev2)
    {
        int k = Features(i, prev1, prev2);
        var f = Feats;
        int n = Length;
        uint p1 = prev1 < 0 ? PadPrev : (uint)prev1;
        uint n1 = i + 1 < n ? (uint)First[i + 1] : PadPrev;
        uint n2 = i + 2 < n ? (uint)First[i + 2] : PadPrev;
        uint self = (uint)First[i];
        f[k++] = FeatureHash.F(40, n1);
        f[k++] = FeatureHash.F(41, n2);
        f[k++] = FeatureHash.F(42, n1, n2);
        f[k++] = FeatureHash.F(43, p1, n1);
        f[k++] = FeatureHash.F(44, Lower[i], n1);
        f[k++] = FeatureHash.F(45, Suf3[i], n1);
        f[k++] = FeatureHash.F(46, self);
        f[k++] = FeatureHash.F(47, p1, self, n1);
        return k;
    }

    /// <summary>Fills <see cref="Feats"/> for position <paramref name="i"/>; returns the count.</summary>
    public int Features(int i, int prev1, int prev2)
    {
        var f = Feats;
        int n = Length;
        uint p1 = prev1 < 0 ? PadPrev : (uint)prev1;
        uint p2 = prev2 < 0 ? PadPrev : (uint)prev2;
        uint w = Lower[i];
        uint wm1 = i >= 1 ? Lower[i - 1] : Pad, wm2 = i >= 2 ? Lower[i - 2] : Pad;
        uint wp1 = i + 1 < n ? Lower[i + 1] : Pad, wp2 = i + 2 < n ? Lower[i + 2] : Pad;
        uint am = Amb[i];
        uint ap1 = i + 1 < n ? Amb[i + 1] : Pad, ap2 = i + 2 < n ? Amb[i + 2] : Pad;
        int k = 0;
        f[k++] = FeatureHash.F(1, 0);
        f[k++] = FeatureHash.F(2, w);
        f[k++] = FeatureHash.F(3, Suf1[i]);
        f[k++] = FeatureHash.F(4, Suf2[i]);
        f[k++] = FeatureHash.F(5, Suf3[i]);
        f[k++] = FeatureHash.F(6, Suf4[i]);
        f[k++] = FeatureHash.F(7, Pre1[i]);
        f[k++] = FeatureHash.F(8, Pre2[i]);
        f[k++] = FeatureHash.F(9, Pre3[i]);
        f[k++] = FeatureHash.F(10, Shape[i]);
        f[k++] = FeatureHash.F(11, p1);
        f[k++] = FeatureHash.F(12, p2);
        f[k++] = FeatureHash.F(13, p1, p2);
        f[k++] = FeatureHash.F(14, p1, w);
        f[k++] = FeatureHash.F(15, wm1);
        f[k++] = FeatureHash.F(16, i >= 1 ? Suf3[i - 1] : Pad);
        f[k++] = FeatureHash.F(17, wm2);
        f[k++] = FeatureHash.F(18, wp1);
        f[k++] = FeatureHash.F(19, i + 1 < n ? Suf3[i + 1] : Pad);
        f[k++] = FeatureHash.F(20, wp2);
        f[k++] = FeatureHash.F(21, am);
        f[k++] = FeatureHash.F(22, ap1);
        f[k++] = FeatureHash.F(23, ap2);
        f[k++] = FeatureHash.F(24, p1, am);
        f[k++] = FeatureHash.F(25, w, wp1);
        f[k++] = FeatureHash.F(26, wm1, w);
        f[k++] = FeatureHash.F(27, i + 1 < n ? Shape[i + 1] : Pad);
        f[k++] = FeatureHash.F(28, am, ap1);
        f[k++] = FeatureHash.F(29, Flags[i], Shape[i]);
        f[k++] = FeatureHash.F(30, p1, ap1);
        f[k++] = FeatureHash.F(31, i >= 1 ? Shape[i - 1] : Pad);
        f[k++] = FeatureHash.F(32, p1, Suf3[i]);
        f[k++] = FeatureHash.F(33, Flags[i]);
        f[k++] = FeatureHash.F(34, wm1, Suf3[i]);
        f[k++] = FeatureHash.F(35, Suf3[i], wp1);
        f[k++] = FeatureHash.F(36, Exact[i]);
        f[k++] = FeatureHash.F(37, Suf5[i]);
        f[k++] = FeatureHash.F(38, wm1, wp1);
        f[k++] = FeatureHash.F(39, p1, wp1);
        return k;
    }
}
