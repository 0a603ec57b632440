using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Syntax;

/// <summary>
/// Frozen, pruned perceptron weights: hashed feature ids mapped through an open-addressing table to sparse rows of
/// (class, weight) pairs. Read-only after construction, so one instance serves any number of threads.
/// </summary>
/// <remarks>
/// Speed: scoring is bound by memory latency (a parser step looks up about 84 features in a table of tens of MB), so
/// the layout aims at one cache miss per feature. A slot is 16 bytes: the key and, for the rows of at most three
/// entries (most rows), the entries themselves; longer rows keep a marker, their start and length in the slot and
/// their entries in a separate array. The few rows with more than <see cref="DenseFrom"/> entries belong to the
/// frequent features (part-of-speech templates) that every lookup hits, and hold most of the additions: they are
/// stored dense (one float per class, padded to 16) and added with SIMD. The tables live in native memory aligned
/// to 2 MB and advised as huge pages on Linux, which saves a TLB miss per lookup; the finalizer frees them. Entries
/// are one uint each: the weight as float bits with the low 8 mantissa bits replaced by the class id (weights are
/// rounded to half precision, so those bits are zero anyway); an empty inline entry is 0, which adds +0 to class 0.
/// </remarks>
internal sealed unsafe class FeatureWeights
{
    private const int Inline = 3;
    // A long row's marker in the slot's second word: a NaN bit pattern, which no packed (finite) weight has.
    private const uint LongRow = 0xFFFFFFFFu;
    // Rows longer than this are stored dense; the slot's length word then holds DenseFlag | dense row index.
    internal const int DenseFrom = 16;
    private const uint DenseFlag = 0x80000000u;

    private readonly float* _dense;
    private readonly nuint _denseBytes;
    private readonly int _stride;

    private readonly uint* _slots;
    private readonly nuint _slotBytes;
    private readonly int _mask;
    private readonly uint* _long;
    private readonly nuint _longBytes;
    // Packed entries of every row in key order (for Write).
    private readonly uint[] _entries;
    private readonly int[] _rowStart;

    public int Classes { get; }
    public int Features => _rowStart.Length - 1;
    public int Entries => _rowStart[^1];

    /// <param name="keys">Feature keys, distinct, non-zero, ascending.</param>
    /// <param name="rowStart">Row offsets into <paramref name="cls"/> and <paramref name="w"/>, length keys+1.</param>
    public FeatureWeights(int classes, uint[] keys, int[] rowStart, byte[] cls, float[] w)
    {
        Classes = classes;
        _rowStart = rowStart;
        if (rowStart.Length != keys.Length + 1 || rowStart[^1] != w.Length || cls.Length != w.Length)
            throw new InvalidDataException("Inconsistent weight table.");
        foreach (byte c in cls)
            if (c >= classes)
                throw new InvalidDataException("Weight table class out of range.");
        int cap = 16;
        while (cap < keys.Length + keys.Length / 2 + 1)
            cap <<= 1;
        _mask = cap - 1;
        _entries = new uint[w.Length];
        for (int e = 0; e < w.Length; e++)
            _entries[e] = (BitConverter.SingleToUInt32Bits((float)(Half)w[e]) & ~0xFFu) | cls[e];
        int longEntries = 0, denseRows = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            int len = rowStart[r + 1] - rowStart[r];
            if (len > DenseFrom)
                denseRows++;
            else if (len > Inline)
                longEntries += len;
        }
        _stride = (classes + 15) & ~15;
        _slotBytes = (nuint)cap * 16;
        _slots = (uint*)HugePages.Alloc(_slotBytes);
        _longBytes = (nuint)Math.Max(1, longEntries) * 4;
        _long = (uint*)HugePages.Alloc(_longBytes);
        _denseBytes = (nuint)Math.Max(1, denseRows) * (nuint)_stride * 4;
        _dense = (float*)HugePages.Alloc(_denseBytes);
        GC.AddMemoryPressure((long)(_slotBytes + _longBytes + _denseBytes));
        int next = 0, nextDense = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            uint k = keys[r];
            int s = Slot(k);
            while (_slots[s * 4] != 0)
                s = (s + 1) & _mask;
            uint* slot = _slots + s * 4;
            slot[0] = k;
            int start = rowStart[r], len = rowStart[r + 1] - start;
            if (len <= Inline)
            {
                for (int j = 0; j < len; j++)
                    slot[1 + j] = _entries[start + j];
                continue;
            }
            slot[1] = LongRow;
            if (len > DenseFrom)
            {
                float* row = _dense + (nint)nextDense * _stride;
                for (int j = 0; j < len; j++)
                    row[cls[start + j]] = BitConverter.UInt32BitsToSingle(_entries[start + j] & ~0xFFu);
                slot[3] = DenseFlag | (uint)nextDense++;
                continue;
            }
            slot[2] = (uint)next;
            slot[3] = (uint)len;
            for (int j = 0; j < len; j++)
                _long[next++] = _entries[start + j];
        }
        Keys = keys;
    }

    ~FeatureWeights()
    {
        // Also runs when the constructor threw before allocating (null pointers, zero sizes).
        HugePages.Free(_slots);
        HugePages.Free(_long);
        HugePages.Free(_dense);
        long bytes = (long)(_slotBytes + _longBytes + _denseBytes);
        if (bytes > 0)
            GC.RemoveMemoryPressure(bytes);
    }

    /// <summary>Keys in ascending order, as stored.</summary>
    public uint[] Keys { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)(key * 0x9E3779B1u >> 7) & _mask;

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (length <see cref="Classes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    public void AddScores(ReadOnlySpan<uint> features, Span<float> scores)
    {
        // rows are added through raw pointers: a short span would be written past its end
        if (scores.Length < Classes) throw new ArgumentException($"scores holds {scores.Length} classes, the table {Classes}", nameof(scores));
        int n = features.Length;
        uint* slots = _slots;
        uint* longs = _long;
        int mask = _mask;
        int* pos = stackalloc int[n];
        // Pass 1: compute slots and prefetch them so the cache misses overlap.
        for (int i = 0; i < n; i++)
        {
            int s = (int)(features[i] * 0x9E3779B1u >> 7) & mask;
            pos[i] = s;
            if (Sse.IsSupported)
                Sse.Prefetch0(slots + s * 4);
        }
        // Pass 2: probe; add inline rows, remember long and dense rows (prefetching sparse ones).
        ref float sc = ref MemoryMarshal.GetReference(scores);
        int found = 0, dense = 0;
        uint* start = stackalloc uint[n];
        uint* len = stackalloc uint[n];
        float** rows = stackalloc float*[n];
        for (int i = 0; i < n; i++)
        {
            uint key = features[i];
            int s = pos[i];
            while (true)
            {
                uint* slot = slots + s * 4;
                uint k = slot[0];
                if (k == key)
                {
                    uint a = slot[1];
                    if (a != LongRow)
                    {
                        Unsafe.Add(ref sc, (int)(a & 0xFF)) += BitConverter.UInt32BitsToSingle(a & ~0xFFu);
                        uint b = slot[2], c = slot[3];
                        Unsafe.Add(ref sc, (int)(b & 0xFF)) += BitConverter.UInt32BitsToSingle(b & ~0xFFu);
                        Unsafe.Add(ref sc, (int)(c & 0xFF)) += BitConverter.UInt32BitsToSingle(c & ~0xFFu);
                        break;
                    }
                    uint l = slot[3];
                    if ((l & DenseFlag) != 0)
                    {
                        float* row = _dense + (nint)(l & ~DenseFlag) * _stride;
                        rows[dense++] = row;
                        if (Sse.IsSupported)
                            for (int j = 0; j < _stride; j += 16)
                                Sse.Prefetch0(row + j);
                        break;
                    }
                    start[found] = slot[2];
                    len[found] = l;
                    if (Sse.IsSupported)
                        Sse.Prefetch0(longs + slot[2]);
                    found++;
                    break;
                }
                if (k == 0)
                    break;
                s = (s + 1) & mask;
            }
        }
        // Pass 3: accumulate sparse long rows.
        for (int i = 0; i < found; i++)
        {
            uint* e = longs + start[i];
            uint* end = e + len[i];
            for (; e < end; e++)
            {
                uint v = *e;
                Unsafe.Add(ref sc, (int)(v & 0xFF)) += BitConverter.UInt32BitsToSingle(v & ~0xFFu);
            }
        }
        if (dense > 0)
            AddDense(rows, dense, scores);
        // The tables are native memory freed by the finalizer: keep this instance alive until they are read.
        GC.KeepAlive(this);
    }

    /// <summary>Adds dense rows (stride <see cref="_stride"/>, a multiple of 16 floats) to the scores.</summary>
    [SkipLocalsInit]
    private void AddDense(float** rows, int count, Span<float> scores)
    {
        int classes = Classes;
        int stride = _stride;
        // Sum in a padded local buffer, then add to the scores (which are only Classes long).
        float* acc = stackalloc float[stride];
        for (int j = 0; j < stride; j++)
            acc[j] = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (int r = 0; r < count; r++)
            {
                float* row = rows[r];
                for (int j = 0; j < stride; j += 8)
                    Vector256.Store(Vector256.Load(acc + j) + Vector256.Load(row + j), acc + j);
            }
        }
        else
        {
            for (int r = 0; r < count; r++)
            {
                float* row = rows[r];
                for (int j = 0; j < stride; j++)
                    acc[j] += row[j];
            }
        }
        for (int c = 0; c < classes; c++)
            scores[c] += acc[c];
    }

    /// <summary>Every row in key order as (key, [(class, weight)]); for tools and tests, not for scoring.</summary>
    public IEnumerable<(uint Key, (byte Class, float Weight)[] Entries)> Rows()
    {
        for (int r = 0; r < Keys.Length; r++)
        {
            var row = new (byte, float)[_rowStart[r + 1] - _rowStart[r]];
            for (int j = 0; j < row.Length; j++)
            {
                uint v = _entries[_rowStart[r] + j];
                row[j] = ((byte)(v & 0xFF), BitConverter.UInt32BitsToSingle(v & ~0xFFu));
            }
            yield return (Keys[r], row);
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Keys.Length);
        writer.Write(Entries);
        uint prev = 0;
        foreach (uint k in Keys)
        {
            Write7(writer, k - prev);
            prev = k;
        }
        for (int r = 0; r < Keys.Length; r++)
            Write7(writer, (uint)(_rowStart[r + 1] - _rowStart[r]));
        int count = Entries;
        for (int e = 0; e < count; e++)
            writer.Write((byte)(_entries[e] & 0xFF));
        for (int e = 0; e < count; e++)
            writer.Write((Half)BitConverter.UInt32BitsToSingle(_entries[e] & ~0xFFu));
    }

    public static FeatureWeights Read(BinaryReader reader)
    {
        int classes = reader.ReadInt32();
        int nKeys = reader.ReadInt32();
        int nEntries = reader.ReadInt32();
        if (classes <= 0 || classes > 256 || nKeys < 0 || nEntries < 0)
            throw new InvalidDataException("Bad weight table header.");
        var keys = new uint[nKeys];
        uint prev = 0;
        for (int i = 0; i < nKeys; i++)
        {
            prev += Read7(reader);
            keys[i] = prev;
        }
        var rowStart = new int[nKeys + 1];
        for (int r = 0; r < nKeys; r++)
            rowStart[r + 1] = rowStart[r] + (int)Read7(reader);
        if (rowStart[nKeys] != nEntries)
            throw new InvalidDataException("Bad weight table rows.");
        var cls = reader.ReadBytes(nEntries);
        var w = new float[nEntries];
        for (int i = 0; i < nEntries; i++)
            w[i] = (float)reader.ReadHalf();
        return new FeatureWeights(classes, keys, rowStart, cls, w);
    }

    private static void Write7(BinaryWriter writer, uint v)
    {
        while (v >= 0x80)
        {
            writer.Write((byte)(v | 0x80));
            v >>= 7;
        }
        writer.Write((byte)v);
    }

    private static uint Read7(BinaryReader reader)
    {
        uint v = 0;
        int shift = 0;
        while (true)
        {
            byte b = reader.ReadByte();
            v |= (uint)(b & 0x7f) << shift;
            if (b < 0x80)
                return v;
            shift += 7;
            if (shift > 28)
                throw new InvalidDataException("Bad varint.");
        }
    }
}
