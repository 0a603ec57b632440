using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

/// <summary>
/// The weight table stores short rows inline in their slot, longer rows sparse and the longest rows dense; scoring
/// must add exactly the weights a plain sum over the rows gives, for every kind of row and for absent features.
/// </summary>
public sealed class FeatureWeightsTests
{
    private static (FeatureWeights Weights, Dictionary<uint, (byte, float)[]> Rows) Build(int classes, int features, int seed)
    {
        var rng = new Random(seed);
        var keys = new SortedSet<uint>();
        while (keys.Count < features)
            keys.Add((uint)rng.Next(1, int.MaxValue));
        var rowStart = new List<int> { 0 };
        var cls = new List<byte>();
        var w = new List<float>();
        var rows = new Dictionary<uint, (byte, float)[]>();
        int r = 0;
        foreach (uint k in keys)
        {
            // Lengths cover inline (1-3), sparse (4..DenseFrom) and dense rows, up to every class.
            int len = r % 4 == 0 ? rng.Next(FeatureWeights.DenseFrom + 1, classes + 1) : r % 4 == 1 ? rng.Next(4, FeatureWeights.DenseFrom + 1) : rng.Next(1, 4);
            len = Math.Min(len, classes);
            r++;
            var chosen = new SortedSet<int>();
            while (chosen.Count < len)
                chosen.Add(rng.Next(classes));
            var row = new List<(byte, float)>();
            foreach (int c in chosen)
            {
                float v = (float)(Half)((rng.NextDouble() - 0.5) * 8);
                if (v == 0) v = 0.5f;
                cls.Add((byte)c);
                w.Add(v);
                row.Add(((byte)c, v));
            }
            rowStart.Add(cls.Count);
            rows[k] = row.ToArray();
        }
        return (new FeatureWeights(classes, keys.ToArray(), rowStart.ToArray(), cls.ToArray(), w.ToArray()), rows);
    }

    [Theory]
    [InlineData(104, 2000, 1)]
    [InlineData(108, 500, 2)]
    [InlineData(40, 300, 3)]
    public void AddScores_EqualsThePlainSumOfTheRows(int classes, int features, int seed)
    {
        var (weights, rows) = Build(classes, features, seed);
        var rng = new Random(seed + 100);
        var keys = rows.Keys.ToArray();
        for (int trial = 0; trial < 50; trial++)
        {
            var feats = new uint[rng.Next(1, 90)];
            for (int i = 0; i < feats.Length; i++)
                feats[i] = rng.Next(3) == 0 ? (uint)rng.Next(1, int.MaxValue) | 1u : keys[rng.Next(keys.Length)];
            var expected = new double[classes];
            foreach (uint f in feats)
                if (rows.TryGetValue(f, out var row))
                    foreach (var (c, v) in row)
                        expected[c] += v;
            var scores = new float[classes];
            weights.AddScores(feats, scores);
            for (int c = 0; c < classes; c++)
                Assert.Equal(expected[c], scores[c], 3);
        }
    }

    [Fact]
    public void WriteThenRead_KeepsEveryRow()
    {
        var (weights, rows) = Build(104, 1000, 4);
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
            weights.Write(w);
        ms.Position = 0;
        using var r = new BinaryReader(ms);
        var back = FeatureWeights.Read(r);
        Assert.Equal(weights.Features, back.Features);
        Assert.Equal(weights.Entries, back.Entries);
        foreach (var (key, entries) in back.Rows())
            Assert.Equal(rows[key], entries);
    }

    [Fact]
    public void AddScores_RefusesAScoreSpanShorterThanTheClasses()
    {
        var (weights, rows) = Build(40, 50, 5);
        var features = rows.Keys.Take(5).ToArray();
        Assert.Throws<ArgumentException>(() => weights.AddScores(features, new float[39]));
        weights.AddScores(features, new float[40]);   // the right size works
    }

    [Fact]
    public void RejectedTable_IsFinalizedWithoutError()
    {
        // The finalizer frees native tables; it must cope with a constructor that threw before allocating them.
        static void Reject() => Assert.Throws<InvalidDataException>(() =>
            new FeatureWeights(4, [1u, 2u], [0, 1, 3], [0, 1, 9], [1f, 2f, 3f]));
        Reject();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (weights, _) = Build(104, 10, 5);
        Assert.Equal(10, weights.Features);
    }
}
