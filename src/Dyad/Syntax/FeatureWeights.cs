using System.Runtime.CompilerServices;

namespace Dyad.Syntax;

/// <summary>
/// Frozen, pruned perceptron weights: hashed feature ids mapped through an open-addressing table to sparse rows of
/// (class, weight) pairs. Read-only after construction, so one instance serves any number of threads.
/// </summary>
internal sealed class FeatureWeights
{
    private readonly uint[] _slotKeys;
    private readonly int[] _slotRows;
    private readonly int _mask;
    private readonly int[] _rowStart;
    private readonly byte[] _cls;
    private readonly float[] _w;

    public int Classes { get; }
    public int Features => _rowStart.Length - 1;
    public int Entries => _w.Length;

    /// <param name="keys">Feature keys, distinct, non-zero, ascending.</param>
    /// <param name="rowStart">Row offsets into <paramref name="cls"/> and <paramref name="w"/>, length keys+1.</param>
    public FeatureWeights(int classes, uint[] keys, int[] rowStart, byte[] cls, float[] w)
    {
        Classes = classes;
        _rowStart = rowStart;
        _cls = cls;
        _w = w;
        int cap = 16;
        while (cap < keys.Length * 2)
            cap <<= 1;
        _mask = cap - 1;
        _slotKeys = new uint[cap];
        _slotRows = new int[cap];
        for (int r = 0; r < keys.Length; r++)
        {
            uint k = keys[r];
            int s = (int)(k * 0x9E3779B1u >> 7) & _mask;
            while (_slotKeys[s] != 0)
                s = (s + 1) & _mask;
            _slotKeys[s] = k;
            _slotRows[s] = r;
        }
        Keys = keys;
    }

    /// <summary>Keys in ascending order, as stored.</summary>
    public uint[] Keys { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(uint key)
    {
        int s = (int)(key * 0x9E3779B1u >> 7) & _mask;
        var keys = _slotKeys;
        while (true)
        {
            uint k = keys[s];
            if (k == key)
                return _slotRows[s];
            if (k == 0)
                return -1;
            s = (s + 1) & _mask;
        }
    }

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (length <see cref="Classes"/>).</summary>
    public void AddScores(ReadOnlySpan<uint> features, Span<float> scores)
    {
        var rowStart = _rowStart;
        var cls = _cls;
        var w = _w;
        foreach (uint f in features)
        {
            int r = Row(f);
            if (r < 0)
                continue;
            int end = rowStart[r + 1];
            for (int e = rowStart[r]; e < end; e++)
                scores[cls[e]] += w[e];
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Keys.Length);
        writer.Write(_w.Length);
        uint prev = 0;
        foreach (uint k in Keys)
        {
            Write7(writer, k - prev);
            prev = k;
        }
        for (int r = 0; r < Keys.Length; r++)
            Write7(writer, (uint)(_rowStart[r + 1] - _rowStart[r]));
        writer.Write(_cls);
        foreach (float v in _w)
            writer.Write((Half)v);
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
