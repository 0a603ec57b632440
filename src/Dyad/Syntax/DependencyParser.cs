namespace Dyad.Syntax;

/// <summary>
/// Greedy arc-eager transition-based dependency parser (averaged perceptron trained with a dynamic oracle,
/// Zhang &amp; Nivre 2011 features) producing Universal Dependencies trees with labels. Immutable after loading and
/// safe for concurrent <see cref="Parse"/> calls (scratch state is per thread).
/// Load with <see cref="LoadDefault"/> (embedded models/parser-en.bin), <see cref="Load(Stream)"/> or
/// <see cref="Load(string)"/>.
/// </summary>
public sealed class DependencyParser
{
    internal const string Kind = "parser";
    internal const string DefaultFile = "parser-en.bin";

    [ThreadStatic]
    private static ParserState? t_state;
    [ThreadStatic]
    private static bool[]? t_punct;

    private readonly string[] _labels;
    private readonly DepRel[] _labelRel;
    private readonly string[] _xposNames;
    private readonly uint[] _xposHash;
    private readonly int _rootLabel, _punctLabel, _fallbackLabel;
    internal readonly FeatureWeights Weights;

    internal DependencyParser(ModelInfo info, string[] labels, string[] xposNames, FeatureWeights weights)
    {
        Info = info;
        _labels = labels;
        _labelRel = new DepRel[labels.Length];
        for (int i = 0; i < labels.Length; i++)
            _labelRel[i] = DepRels.Parse(labels[i]);
        _xposNames = xposNames;
        _xposHash = new uint[xposNames.Length + 1];
        for (int i = 0; i < xposNames.Length; i++)
            _xposHash[i] = FeatureHash.Chars(xposNames[i]);
        _xposHash[xposNames.Length] = FeatureHash.Chars("<unknown-xpos>");
        _rootLabel = Array.IndexOf(labels, "root");
        _punctLabel = Array.IndexOf(labels, "punct");
        _fallbackLabel = Array.IndexOf(labels, "parataxis");
        if (_fallbackLabel < 0)
            _fallbackLabel = Math.Max(0, Array.IndexOf(labels, "dep"));
        if (_rootLabel < 0)
            throw new InvalidDataException("Parser model has no 'root' label.");
        Weights = weights;
        FeatureSet = int.TryParse(info["feature-set"], out int fs) ? fs : 1;
        if (FeatureSet < 1 || FeatureSet > ParserState.LatestFeatureSet)
            throw new InvalidDataException($"Parser model uses feature set {FeatureSet}; this build knows 1-{ParserState.LatestFeatureSet}.");
    }

    /// <summary>Feature set version the model was trained with (metadata "feature-set"; 1 when absent).</summary>
    internal int FeatureSet { get; }

    /// <summary>Model metadata (training data, features, scores, checksum).</summary>
    public ModelInfo Info { get; }

    /// <summary>Relation names the parser predicts, as spelled in the treebank.</summary>
    public IReadOnlyList<string> LabelNames => _labels;

    /// <summary>XPOS names the parser was trained with; <c>xposIds</c> passed to <see cref="Parse"/> index this list.</summary>
    public IReadOnlyList<string> XposNames => _xposNames;

    internal int LabelCount => _labels.Length;
    internal int RootLabel => _rootLabel;

    /// <summary>
    /// Parses one tagged sentence. <paramref name="heads"/> receives 1-based head positions (0 for the root) and
    /// <paramref name="labels"/> the relations; both must be at least as long as <paramref name="words"/>.
    /// </summary>
    public void Parse(ReadOnlySpan<string> words, ReadOnlySpan<UPos> upos, ReadOnlySpan<int> xposIds, Span<int> heads,
        Span<DepRel> labels)
    {
        int n = words.Length;
        if (upos.Length < n || xposIds.Length < n || heads.Length < n || labels.Length < n)
            throw new ArgumentException("Tag and output spans must be at least as long as the word span.");
        var st = t_state ??= new ParserState();
        ParseCore(st, words, upos, xposIds);
        for (int i = 0; i < n; i++)
        {
            heads[i] = st.Head[i + 1];
            labels[i] = _labelRel[st.Label[i + 1]];
        }
    }

    /// <summary>Like <see cref="Parse"/> but returns label indexes into <see cref="LabelNames"/>.</summary>
    public void ParseLabelIds(ReadOnlySpan<string> words, ReadOnlySpan<UPos> upos, ReadOnlySpan<int> xposIds,
        Span<int> heads, Span<int> labelIds)
    {
        int n = words.Length;
        if (upos.Length < n || xposIds.Length < n || heads.Length < n || labelIds.Length < n)
            throw new ArgumentException("Tag and output spans must be at least as long as the word span.");
        var st = t_state ??= new ParserState();
        ParseCore(st, words, upos, xposIds);
        for (int i = 0; i < n; i++)
        {
            heads[i] = st.Head[i + 1];
            labelIds[i] = st.Label[i + 1];
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ParseCore(ParserState st, ReadOnlySpan<string> words, ReadOnlySpan<UPos> upos, ReadOnlySpan<int> xposIds)
    {
        int n = words.Length;
        st.Reset(n, _labels.Length, _rootLabel);
        var punct = t_punct;
        if (punct == null || punct.Length < n)
            t_punct = punct = new bool[Math.Max(64, n * 2)];
        for (int i = 0; i < n; i++)
        {
            st.Word[i + 1] = FeatureHash.LowerChars(words[i]);
            st.Tag[i + 1] = TagHash(xposIds[i]);
            st.UTag[i + 1] = UposHash(upos[i]);
            punct[i] = upos[i] == UPos.Punct;
        }
        int classes = Weights.Classes;
        var scores = st.Scores.AsSpan(0, classes);
        while (!st.Terminal)
        {
            int nf = st.Features(FeatureSet);
            scores.Clear();
            Weights.AddScores(st.Feats.AsSpan(0, nf), scores);
            st.Apply(BestValid(st, scores));
        }
        st.Finish(punct.AsSpan(0, n), _punctLabel, _fallbackLabel);
    }

    internal static uint UposHash(UPos upos) => FeatureHash.F(0x55504f53, (uint)upos);

    internal uint TagHash(int xposId) =>
        _xposHash[(uint)xposId < (uint)_xposNames.Length ? xposId : _xposNames.Length];

    /// <summary>The highest-scoring valid action (checks validity by action family to stay cheap).</summary>
    internal static int BestValid(ParserState st, ReadOnlySpan<float> scores)
    {
        int s0 = st.S0;
        bool canReduce = s0 != 0 && st.Head[s0] >= 0;
        bool canLeft = s0 != 0 && st.Head[s0] < 0;
        bool rightOnlyRoot = s0 == 0;
        int root = st.RootLabel;
        int best = ParserState.Shift;
        float bestScore = scores[ParserState.Shift];
        if (canReduce && scores[ParserState.Reduce] > bestScore)
        {
            best = ParserState.Reduce;
            bestScore = scores[ParserState.Reduce];
        }
        if (rightOnlyRoot)
        {
            int a = 3 + 2 * root;
            if (!st.RootHasDep && scores[a] > bestScore)
                best = a;
            return best;
        }
        int labels = st.Labels;
        for (int l = 0; l < labels; l++)
        {
            if (l == root)
                continue;
            int left = 2 + 2 * l;
            if (canLeft && scores[left] > bestScore)
            {
                best = left;
                bestScore = scores[left];
            }
            if (scores[left + 1] > bestScore)
            {
                best = left + 1;
                bestScore = scores[left + 1];
            }
        }
        return best;
    }

    /// <summary>Loads the model embedded in the Dyad assembly (models/parser-en.bin).</summary>
    public static DependencyParser LoadDefault()
    {
        using var s = ModelFile.OpenEmbedded(DefaultFile);
        return Load(s);
    }

    /// <summary>Loads a parser model file.</summary>
    public static DependencyParser Load(string path)
    {
        using var s = File.OpenRead(path);
        return Load(s);
    }

    /// <summary>Loads a parser model from a stream, verifying its checksum.</summary>
    public static DependencyParser Load(Stream stream)
    {
        var (info, r) = ModelFile.Open(stream, Kind);
        using (r)
        {
            var labels = ModelFile.ReadStrings(r);
            var xpos = ModelFile.ReadStrings(r);
            var weights = FeatureWeights.Read(r);
            return new DependencyParser(info, labels, xpos, weights);
        }
    }

    /// <summary>Writes a parser model; adds the "feature-set" metadata when <paramref name="metadata"/> lacks it.</summary>
    internal static void Save(Stream output, IReadOnlyList<KeyValuePair<string, string>> metadata, string[] labels,
        string[] xposNames, FeatureWeights weights, int featureSet = ParserState.LatestFeatureSet)
    {
        if (!metadata.Any(kv => kv.Key == "feature-set"))
            metadata = [.. metadata, new("feature-set", featureSet.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        ModelFile.Save(output, Kind, metadata, w =>
        {
            ModelFile.WriteStrings(w, labels);
            ModelFile.WriteStrings(w, xposNames);
            weights.Write(w);
        });
    }
}
