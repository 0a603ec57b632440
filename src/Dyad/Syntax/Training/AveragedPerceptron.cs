namespace Dyad.Syntax.Training;

/// <summary>
/// A sparse multi-class averaged perceptron for training. Each hashed feature owns a linked list of (class, weight)
/// entries created on first update, with lazy averaging (Collins 2002 / Daume's trick). <see cref="Freeze"/> produces
/// the pruned, averaged runtime table.
/// </summary>
internal sealed class AveragedPerceptron
{
    private readonly Dictionary<uint, int> _index = new();
    private int[] _head = new int[1 << 16];
    private int _features;
    private int[] _eClass = new int[1 << 18];
    private float[] _eW = new float[1 << 18];
    private double[] _eTotal = new double[1 << 18];
    private int[] _eStamp = new int[1 << 18];
    private int[] _eNext = new int[1 << 18];
    private int _entries;
    private int _time;

    public AveragedPerceptron(int classes)
    {
        if (classes > 256)
            throw new ArgumentOutOfRangeException(nameof(classes), "At most 256 classes.");
        Classes = classes;
    }

    public int Classes { get; }

    /// <summary>Advances the averaging clock by one training instance.</summary>
    public void Tick() => _time++;

    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores[..Classes].Clear();
        foreach (uint f in features)
        {
            if (!_index.TryGetValue(f, out int id))
                continue;
            for (int e = _head[id]; e >= 0; e = _eNext[e])
                scores[_eClass[e]] += _eW[e];
        }
    }

    /// <summary>Standard perceptron update: +1 for <paramref name="truth"/>, -1 for <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<uint> features, int truth, int guess)
    {
        if (truth == guess)
            return;
        foreach (uint f in features)
        {
            if (!_index.TryGetValue(f, out int id))
            {
                id = _features++;
                if (id == _head.Length)
                    Array.Resize(ref _head, _head.Length * 2);
                _head[id] = -1;
                _index.Add(f, id);
            }
            Bump(id, truth, 1f);
            Bump(id, guess, -1f);
        }
    }

    private void Bump(int id, int cls, float delta)
    {
        int e = _head[id];
        while (e >= 0 && _eClass[e] != cls)
            e = _eNext[e];
        if (e < 0)
        {
            e = _entries++;
            if (e == _eW.Length)
            {
                int n = _eW.Length * 2;
                Array.Resize(ref _eClass, n);
                Array.Resize(ref _eW, n);
                Array.Resize(ref _eTotal, n);
                Array.Resize(ref _eStamp, n);
                Array.Resize(ref _eNext, n);
            }
            _eClass[e] = cls;
            _eW[e] = 0;
            _eTotal[e] = 0;
            _eStamp[e] = _time;
            _eNext[e] = _head[id];
            _head[id] = e;
        }
        _eTotal[e] += (double)(_time - _eStamp[e]) * _eW[e];
        _eStamp[e] = _time;
        _eW[e] += delta;
    }

    /// <summary>
    /// Averages the weights and keeps entries whose absolute averaged weight is at least <paramref name="threshold"/>.
    /// Deterministic: features are emitted in ascending key order, entries in ascending class order.
    /// </summary>
    public FeatureWeights Freeze(float threshold)
    {
        var keys = new List<uint>(_index.Count);
        foreach (var k in _index.Keys)
            keys.Add(k);
        keys.Sort();
        var outKeys = new List<uint>();
        var rowStart = new List<int> { 0 };
        var cls = new List<byte>();
        var w = new List<float>();
        Span<float> row = stackalloc float[256];
        Span<bool> has = stackalloc bool[256];
        double t = Math.Max(1, _time);
        foreach (uint k in keys)
        {
            int id = _index[k];
            has.Clear();
            for (int e = _head[id]; e >= 0; e = _eNext[e])
            {
                double total = _eTotal[e] + (double)(_time - _eStamp[e]) * _eW[e];
                float avg = (float)(total / t);
                float rounded = (float)(Half)avg;
                if (Math.Abs(rounded) >= threshold && rounded != 0)
                {
                    row[_eClass[e]] = rounded;
                    has[_eClass[e]] = true;
                }
            }
            int count = 0;
            for (int c = 0; c < Classes; c++)
            {
                if (!has[c])
                    continue;
                cls.Add((byte)c);
                w.Add(row[c]);
                count++;
            }
            if (count == 0)
                continue;
            outKeys.Add(k);
            rowStart.Add(cls.Count);
        }
        return new FeatureWeights(Classes, outKeys.ToArray(), rowStart.ToArray(), cls.ToArray(), w.ToArray());
    }
}
