using System.Runtime.CompilerServices;

namespace Dyad.Syntax;

/// <summary>
/// Arc-eager transition system state with the partial tree's bookkeeping (children, valencies, label sets) and the
/// Zhang &amp; Nivre (2011) feature templates. Token 0 is the artificial root at the bottom of the stack; words are
/// 1..n. Actions: 0 SHIFT, 1 REDUCE, 2+2l LEFT-l, 3+2l RIGHT-l. One instance per thread (reused).
/// </summary>
internal sealed class ParserState
{
    public const int Shift = 0, Reduce = 1;
    public const int MaxFeatures = 88;
    /// <summary>Feature set version: 1 = Zhang &amp; Nivre + s1 (75 templates); 2 adds UPOS conjunctions, n0w-n1w, n3p.</summary>
    public const int LatestFeatureSet = 2;
    private const uint None = 0x4e4f4e45, RootTok = 0x524f4f54;

    public int N;
    public int Labels;
    public int RootLabel;
    public int B0;
    public int Sp;
    public int[] Stack = new int[64];
    public uint[] Word = new uint[64];
    public uint[] Tag = new uint[64];
    /// <summary>UPOS per token (hashed), a coarser and more accurate companion of <see cref="Tag"/>.</summary>
    public uint[] UTag = new uint[64];
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Lm = new int[64], Lm2 = new int[64], Rm = new int[64], Rm2 = new int[64];
    public int[] LVal = new int[64], RVal = new int[64];
    public ulong[] LSet = new ulong[64], RSet = new ulong[64];
    public bool RootHasDep;
    public uint[] Feats = new uint[MaxFeatures];
    public float[] Scores = new float[256];

    public bool Terminal => B0 > N;

    /// <summary>Resets for a sentence of <paramref name="n"/> words; caller fills Word[1..n] and Tag[1..n].</summary>
    public void Reset(int n, int labels, int rootLabel)
    {
        N = n;
        Labels = labels;
        RootLabel = rootLabel;
        int need = n + 2;
        if (Word.Length < need)
        {
            int cap = Math.Max(need, Word.Length * 2);
            Stack = new int[cap];
            Word = new uint[cap];
            Tag = new uint[cap];
            UTag = new uint[cap];
            Head = new int[cap];
            Label = new int[cap];
            Lm = new int[cap];
            Lm2 = new int[cap];
            Rm = new int[cap];
            Rm2 = new int[cap];
            LVal = new int[cap];
            RVal = new int[cap];
            LSet = new ulong[cap];
            RSet = new ulong[cap];
        }
        for (int i = 0; i <= n; i++)
        {
            Head[i] = -1;
            Label[i] = -1;
            Lm[i] = Lm2[i] = Rm[i] = Rm2[i] = -1;
            LVal[i] = RVal[i] = 0;
            LSet[i] = RSet[i] = 0;
        }
        Word[0] = RootTok;
        Tag[0] = RootTok;
        UTag[0] = RootTok;
        Stack[0] = 0;
        Sp = 1;
        B0 = 1;
        RootHasDep = false;
    }

    public int S0 => Stack[Sp - 1];

    public bool IsValid(int action)
    {
        if (B0 > N)
            return false;
        int s0 = Stack[Sp - 1];
        if (action == Shift)
            return true;
        if (action == Reduce)
            return s0 != 0 && Head[s0] >= 0;
        int l = (action - 2) >> 1;
        if ((action & 1) == 0) // LEFT
            return s0 != 0 && Head[s0] < 0 && l != RootLabel;
        if (s0 == 0)
            return l == RootLabel && !RootHasDep;
        return l != RootLabel;
    }

    public void Apply(int action)
    {
        if (action == Shift)
        {
            Stack[Sp++] = B0++;
            return;
        }
        if (action == Reduce)
        {
            Sp--;
            return;
        }
        int l = (action - 2) >> 1;
        if ((action & 1) == 0)
        {
            int s0 = Stack[--Sp];
            AddArc(B0, s0, l);
        }
        else
        {
            AddArc(Stack[Sp - 1], B0, l);
            Stack[Sp++] = B0++;
        }
    }

    private void AddArc(int h, int d, int l)
    {
        Head[d] = h;
        Label[d] = l;
        if (h == 0)
            RootHasDep = true;
        ulong bit = 1UL << (l & 63);
        if (d < h)
        {
            if (Lm[h] < 0 || d < Lm[h])
            {
                Lm2[h] = Lm[h];
                Lm[h] = d;
            }
            else if (Lm2[h] < 0 || d < Lm2[h])
                Lm2[h] = d;
            LVal[h]++;
            LSet[h] |= bit;
        }
        else
        {
            if (Rm[h] < 0 || d > Rm[h])
            {
                Rm2[h] = Rm[h];
                Rm[h] = d;
            }
            else if (Rm2[h] < 0 || d > Rm2[h])
                Rm2[h] = d;
            RVal[h]++;
            RSet[h] |= bit;
        }
    }

    /// <summary>
    /// Attaches words left without a head: the first becomes the root when the root has no dependent, the others
    /// attach to the root word (punctuation as punct, other words with <paramref name="fallbackLabel"/>).
    /// </summary>
    public void Finish(ReadOnlySpan<bool> isPunct, int punctLabel, int fallbackLabel)
    {
        int rootWord = -1;
        for (int i = 1; i <= N; i++)
        {
            if (Head[i] == 0)
            {
                rootWord = i;
                break;
            }
        }
        for (int i = 1; i <= N; i++)
        {
            if (Head[i] >= 0)
                continue;
            if (rootWord < 0)
            {
                rootWord = i;
                Head[i] = 0;
                Label[i] = RootLabel;
                continue;
            }
            Head[i] = rootWord;
            Label[i] = isPunct[i - 1] && punctLabel >= 0 ? punctLabel : fallbackLabel;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint W(int i) => i < 0 ? None : Word[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint T(int i) => i < 0 ? None : Tag[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint U(int i) => i < 0 ? None : UTag[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint L(int i) => i < 0 ? None : (uint)Label[i];

    /// <summary>Fills <see cref="Feats"/> for the current configuration; returns the count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Features(int featureSet = LatestFeatureSet)
    {
        var f = Feats;
        int s0 = Stack[Sp - 1];
        int s1 = Sp >= 2 ? Stack[Sp - 2] : -1;
        int n0 = B0 <= N ? B0 : -1;
        int n1 = B0 + 1 <= N ? B0 + 1 : -1;
        int n2 = B0 + 2 <= N ? B0 + 2 : -1;
        int s0h = Head[s0];
        int s0h2 = s0h >= 0 ? Head[s0h] : -1;
        int s0l = Lm[s0], s0l2 = Lm2[s0], s0r = Rm[s0], s0r2 = Rm2[s0];
        int n0l = n0 >= 0 ? Lm[n0] : -1, n0l2 = n0 >= 0 ? Lm2[n0] : -1;

        uint s0w = W(s0), s0p = T(s0), n0w = W(n0), n0p = T(n0);
        uint n1w = W(n1), n1p = T(n1), n2w = W(n2), n2p = T(n2);
        uint s0hp = T(s0h), s0lp = T(s0l), s0rp = T(s0r), n0lp = T(n0l);
        uint dist = 0;
        if (n0 >= 0 && s0 > 0)
        {
            int d = n0 - s0;
            dist = d <= 4 ? (uint)d : d <= 6 ? 5u : d <= 10 ? 6u : 7u;
        }
        uint s0vl = (uint)LVal[s0], s0vr = (uint)RVal[s0], n0vl = n0 >= 0 ? (uint)LVal[n0] : None;
        uint s0sl = (uint)FeatureHash.Final((uint)LSet[s0] ^ (uint)(LSet[s0] >> 32) * 31);
        uint s0sr = (uint)FeatureHash.Final((uint)RSet[s0] ^ (uint)(RSet[s0] >> 32) * 31);
        uint n0sl = n0 >= 0 ? FeatureHash.Final((uint)LSet[n0] ^ (uint)(LSet[n0] >> 32) * 31) : None;

        int k = 0;
        f[k++] = FeatureHash.F(1, 0);
        // single words
        f[k++] = FeatureHash.F(2, s0w, s0p);
        f[k++] = FeatureHash.F(3, s0w);
        f[k++] = FeatureHash.F(4, s0p);
        f[k++] = FeatureHash.F(5, n0w, n0p);
        f[k++] = FeatureHash.F(6, n0w);
        f[k++] = FeatureHash.F(7, n0p);
        f[k++] = FeatureHash.F(8, n1w, n1p);
        f[k++] = FeatureHash.F(9, n1w);
        f[k++] = FeatureHash.F(10, n1p);
        f[k++] = FeatureHash.F(11, n2w, n2p);
        f[k++] = FeatureHash.F(12, n2w);
        f[k++] = FeatureHash.F(13, n2p);
        // word pairs
        f[k++] = FeatureHash.F(14, s0w, s0p, n0w, n0p);
        f[k++] = FeatureHash.F(15, s0w, s0p, n0w);
        f[k++] = FeatureHash.F(16, s0w, n0w, n0p);
        f[k++] = FeatureHash.F(17, s0w, s0p, n0p);
        f[k++] = FeatureHash.F(18, s0p, n0w, n0p);
        f[k++] = FeatureHash.F(19, s0w, n0w);
        f[k++] = FeatureHash.F(20, s0p, n0p);
        f[k++] = FeatureHash.F(21, n0p, n1p);
        // three words
        f[k++] = FeatureHash.F(22, n0p, n1p, n2p);
        f[k++] = FeatureHash.F(23, s0p, n0p, n1p);
        f[k++] = FeatureHash.F(24, s0hp, s0p, n0p);
        f[k++] = FeatureHash.F(25, s0p, s0lp, n0p);
        f[k++] = FeatureHash.F(26, s0p, s0rp, n0p);
        f[k++] = FeatureHash.F(27, s0p, n0p, n0lp);
        // distance
        f[k++] = FeatureHash.F(28, s0w, dist);
        f[k++] = FeatureHash.F(29, s0p, dist);
        f[k++] = FeatureHash.F(30, n0w, dist);
        f[k++] = FeatureHash.F(31, n0p, dist);
        f[k++] = FeatureHash.F(32, s0w, n0w, dist);
        f[k++] = FeatureHash.F(33, s0p, n0p, dist);
        // valency
        f[k++] = FeatureHash.F(34, s0w, s0vr);
        f[k++] = FeatureHash.F(35, s0p, s0vr);
        f[k++] = FeatureHash.F(36, s0w, s0vl);
        f[k++] = FeatureHash.F(37, s0p, s0vl);
        f[k++] = FeatureHash.F(38, n0w, n0vl);
        f[k++] = FeatureHash.F(39, n0p, n0vl);
        // unigrams of head and children
        f[k++] = FeatureHash.F(40, W(s0h));
        f[k++] = FeatureHash.F(41, s0hp);
        f[k++] = FeatureHash.F(42, L(s0));
        f[k++] = FeatureHash.F(43, W(s0l));
        f[k++] = FeatureHash.F(44, s0lp);
        f[k++] = FeatureHash.F(45, L(s0l));
        f[k++] = FeatureHash.F(46, W(s0r));
        f[k++] = FeatureHash.F(47, s0rp);
        f[k++] = FeatureHash.F(48, L(s0r));
        f[k++] = FeatureHash.F(49, W(n0l));
        f[k++] = FeatureHash.F(50, n0lp);
        f[k++] = FeatureHash.F(51, L(n0l));
        // third order
        f[k++] = FeatureHash.F(52, W(s0h2));
        f[k++] = FeatureHash.F(53, T(s0h2));
        f[k++] = FeatureHash.F(54, s0h >= 0 ? L(s0h) : None);
        f[k++] = FeatureHash.F(55, W(s0l2));
        f[k++] = FeatureHash.F(56, T(s0l2));
        f[k++] = FeatureHash.F(57, L(s0l2));
        f[k++] = FeatureHash.F(58, W(s0r2));
        f[k++] = FeatureHash.F(59, T(s0r2));
        f[k++] = FeatureHash.F(60, L(s0r2));
        f[k++] = FeatureHash.F(61, W(n0l2));
        f[k++] = FeatureHash.F(62, T(n0l2));
        f[k++] = FeatureHash.F(63, L(n0l2));
        f[k++] = FeatureHash.F(64, s0p, s0lp, T(s0l2));
        f[k++] = FeatureHash.F(65, s0p, s0rp, T(s0r2));
        f[k++] = FeatureHash.F(66, s0p, s0hp, T(s0h2));
        f[k++] = FeatureHash.F(67, n0p, n0lp, T(n0l2));
        // label sets
        f[k++] = FeatureHash.F(68, s0w, s0sr);
        f[k++] = FeatureHash.F(69, s0p, s0sr);
        f[k++] = FeatureHash.F(70, s0w, s0sl);
        f[k++] = FeatureHash.F(71, s0p, s0sl);
        f[k++] = FeatureHash.F(72, n0w, n0sl);
        f[k++] = FeatureHash.F(73, n0p, n0sl);
        // second stack item
        f[k++] = FeatureHash.F(74, T(s1), s0p, n0p);
        f[k++] = FeatureHash.F(75, W(s1), T(s1));
        if (featureSet < 2)
            return k;
        // UPOS companions and a wider window
        uint s0u = U(s0), n0u = U(n0), n1u = U(n1);
        f[k++] = FeatureHash.F(76, s0u, n0u);
        f[k++] = FeatureHash.F(77, s0u, n0u, n1u);
        f[k++] = FeatureHash.F(78, U(s1), s0u, n0u);
        f[k++] = FeatureHash.F(79, s0w, n0u);
        f[k++] = FeatureHash.F(80, s0u, n0w);
        f[k++] = FeatureHash.F(81, n0u, n1u, U(n2));
        f[k++] = FeatureHash.F(82, n0w, n1w);
        f[k++] = FeatureHash.F(83, T(B0 + 3 <= N ? B0 + 3 : -1), n2p);
        return k;
    }
}
