using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Syntax;

/// <summary>
/// Frozen, pruned perceptron weights: hashed feature ids mapped through an open-addressing table to sparse rows of
/// (class, weight) pairs. Read-only after construction, so one instance serves any number of threads.
/// </summary>
internal sealed unsafe class FeatureWeights
{
    // Open-addressing slots, 4 uints each: key, first entry, entry count, unused (one cache access per probe).
    private readonly uint[] _slots;
    private readonly uint* _slotPtr;
    private readonly int _mask;
    // One uint per entry: the weight as float bits with the low 8 mantissa bits replaced by the class id
    // (weights are rounded to half precision, so those bits are zero anyway).
    private readonly uint[] _entries;
    private readonly uint* _entryPtr;
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
        _slots = GC.AllocateArray<uint>(cap * 4, pinned: true);
        _slotPtr = (uint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_slots));
        _entries = GC.AllocateArray<uint>(Math.Max(1, w.Length), pinned: true);
        _entryPtr = (uint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_entries));
        for (int e = 0; e < w.Length; e++)
            _entries[e] = (BitConverter.SingleToUInt32Bits((float)(Half)w[e]) & ~0xFFu) | cls[e];
        for (int r = 0; r < keys.Length; r++)
        {
            uint k = keys[r];
            int s = Slot(k);
            while (_slots[s * 4] != 0)
                s = (s + 1) & _mask;
            _slots[s * 4] = k;
            _slots[s * 4 + 1] = (uint)rowStart[r];
            _slots[s * 4 + 2] = (uint)(rowStart[r + 1] - rowStart[r]);
        }
        Keys = keys;
    }

    /// <summary>Keys in ascending order, as stored.</summary>
    public uint[] Keys { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)(key * 0x9E3779B1u >> 7) & _mask;

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (length <see cref="Classes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddScores(ReadOnlySpan<uint> features, Span<float> scores)
    {
        int n = features.Length;
        uint* slots = _slotPtr;
        uint* entries = _entryPtr;
        int* pos = stackalloc int[n];
        // Pass 1: compute slots and prefetch them so the cache misses overlap.
        for (int i = 0; i < n; i++)
        {
            int s = Slot(features[i]);
            pos[i] = s;
            if (Sse.IsSupported)
                Sse.Prefetch0(slots + s * 4);
        }
        // Pass 2: probe; remember rows and prefetch their entries.
        int found = 0;
        uint* start = stackalloc uint[n];
        uint* len = stackalloc uint[n];
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
                    start[found] = slot[1];
                    len[found] = slot[2];
                    if (Sse.IsSupported)
                        Sse.Prefetch0(entries + slot[1]);
                    found++;
                    break;
                }
                if (k == 0)
                    break;
                s = (s + 1) & _mask;
            }
        }
        // Pass 3: accumulate.
        ref float sc = ref MemoryMarshal.GetReference(scores);
        for (int i = 0; i < found; i++)
        {
            uint* e = entries + start[i];
            uint* end = e + len[i];
            for (; e < end; e++)
            {
                uint v = *e;
                Unsafe.Add(ref sc, (int)(v & 0xFF)) += BitConverter.UInt32BitsToSingle(v & ~0xFFu);
            }
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
