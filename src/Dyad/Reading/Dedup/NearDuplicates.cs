using System.Numerics;

namespace Dyad.Reading;

/// <summary>
/// Finds near-duplicate articles (the same wire story on many sites, a page crawled twice with a changed footer)
/// by 64-bit SimHash fingerprints over word shingles. Two texts are near duplicates when their fingerprints differ
/// in at most <see cref="MaxDistance"/> bits. Lookup uses the pigeonhole trick: with the fingerprint cut into
/// <c>MaxDistance + 1</c> bands, a near duplicate agrees with the query on at least one whole band, so only
/// fingerprints sharing a band are compared. Not thread-safe.
/// </summary>
public sealed class NearDuplicates
{
    /// <summary>The default number of differing bits tolerated (3 of 64, as in web-scale duplicate detection).</summary>
    public const int DefaultMaxDistance = 3;

    private readonly int _bands;
    private readonly int _bandBits;
    private readonly Dictionary<ulong, List<int>>[] _index;
    private readonly List<ulong> _fingerprints = new();

    /// <summary>Creates an empty set of fingerprints.</summary>
    /// <param name="maxDistance">Differing bits still counted as a near duplicate (0 to 7).</param>
    /// <param name="shingleSize">Words per shingle.</param>
    public NearDuplicates(int maxDistance = DefaultMaxDistance, int shingleSize = 3)
    {
        if (maxDistance is < 0 or > 7) throw new ArgumentOutOfRangeException(nameof(maxDistance), maxDistance, "must be 0 to 7");
        if (shingleSize is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(shingleSize), shingleSize, "must be 1 to 8");
        MaxDistance = maxDistance;
        ShingleSize = shingleSize;
        _bands = maxDistance + 1;
        _bandBits = (64 + _bands - 1) / _bands;
        _index = new Dictionary<ulong, List<int>>[_bands];
        for (int i = 0; i < _bands; i++) _index[i] = new Dictionary<ulong, List<int>>();
    }

    /// <summary>Differing bits still counted as a near duplicate.</summary>
    public int MaxDistance { get; }

    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; }

    /// <summary>How many texts have been added.</summary>
    public int Count => _fingerprints.Count;

    /// <summary>
    /// Checks <paramref name="text"/> against the texts added so far. When it is new, adds it and returns false;
    /// when it is a near duplicate, returns true with the index (in order of adding) of the closest earlier text.
    /// </summary>
    public bool IsDuplicate(string text, out int duplicateOf)
    {
        ulong fp = Fingerprint(text, ShingleSize);
        duplicateOf = Find(fp);
        if (duplicateOf >= 0) return true;
        Add(fp);
        return false;
    }

    /// <summary>Adds a text without checking; returns its index.</summary>
    public int Add(string text) => Add(Fingerprint(text, ShingleSize));

    /// <summary>The index of the closest added text within <see cref="MaxDistance"/> bits, or -1.</summary>
    public int Find(string text) => Find(Fingerprint(text, ShingleSize));

    /// <summary>Adds a fingerprint (from <see cref="Fingerprint"/>, e.g. one stored earlier); returns its index.</summary>
    public int Add(ulong fp)
    {
        int id = _fingerprints.Count;
        _fingerprints.Add(fp);
        for (int b = 0; b < _bands; b++)
        {
            ulong key = Band(fp, b);
            if (!_index[b].TryGetValue(key, out var list)) _index[b][key] = list = new List<int>(1);
            list.Add(id);
        }
        return id;
    }

    /// <summary>The index of the closest added fingerprint within <see cref="MaxDistance"/> bits, or -1.</summary>
    public int Find(ulong fp)
    {
        int best = -1, bestDistance = int.MaxValue;
        for (int b = 0; b < _bands; b++)
        {
            if (!_index[b].TryGetValue(Band(fp, b), out var list)) continue;
            foreach (int id in list)
            {
                int d = Distance(fp, _fingerprints[id]);
                if (d <= MaxDistance && (d < bestDistance || (d == bestDistance && id < best)))
                {
                    best = id;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private ulong Band(ulong fp, int band)
    {
        int shift = band * _bandBits;
        int width = Math.Min(_bandBits, 64 - shift);
        ulong mask = width >= 64 ? ulong.MaxValue : (1UL << width) - 1;
        return (fp >> shift) & mask;
    }

    /// <summary>The number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>
    /// The 64-bit SimHash of a text: words are lower-cased runs of letters and digits; each run of
    /// <paramref name="shingleSize"/> words is hashed, and bit i of the result is set when more shingle hashes have
    /// it set than not. Texts with fewer words than a shingle use one shingle of all their words; an empty text gives 0.
    /// </summary>
    public static ulong Fingerprint(ReadOnlySpan<char> text, int shingleSize = 3)
    {
        Span<int> counts = stackalloc int[64];
        counts.Clear();
        Span<ulong> window = stackalloc ulong[shingleSize];
        int words = 0, shingles = 0;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= text.Length) break;
            ulong h = 14695981039346656037UL; // FNV-1a over the lower-cased word
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                h = (h ^ char.ToLowerInvariant(text[i])) * 1099511628211UL;
                i++;
            }
            window[words % shingleSize] = h;
            words++;
            if (words >= shingleSize)
            {
                AddShingle(counts, window, words, shingleSize);
                shingles++;
            }
        }
        if (shingles == 0 && words > 0) AddShingle(counts, window[..words], words, words);
        ulong fp = 0;
        for (int b = 0; b < 64; b++)
        {
            if (counts[b] > 0) fp |= 1UL << b;
        }
        return fp;
    }

    private static void AddShingle(Span<int> counts, ReadOnlySpan<ulong> window, int words, int size)
    {
        // Combine the words in order (oldest first), then mix so every input bit moves every output bit.
        ulong h = 0x9E3779B97F4A7C15UL;
        for (int k = 0; k < size; k++)
        {
            ulong w = window[(words + k) % size];
            h = (h ^ w) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 29;
        }
        h ^= h >> 31;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 32;
        for (int b = 0; b < 64; b++)
        {
            counts[b] += (int)((h >> b) & 1) * 2 - 1;
        }
    }
}
