namespace Dyad.Syntax;

/// <summary>
/// Greedy left-to-right averaged-perceptron part-of-speech tagger (optionally a second pass that also sees the
/// first pass's tags to the right) predicting a joint (UPOS, Penn XPOS) class per
/// word, with a tag dictionary for frequent unambiguous words. Immutable after loading and safe for concurrent
/// <see cref="Tag"/> calls (scratch buffers are per thread). The model file also holds the <see cref="Lemmatizer"/>.
/// Load with <see cref="LoadDefault"/> (embedded models/tagger-en.bin), <see cref="Load(Stream)"/> or
/// <see cref="Load(string)"/>.
/// </summary>
public sealed class Tagger
{
    internal const string Kind = "tagger";
    internal const string DefaultFile = "tagger-en.bin";

    [ThreadStatic]
    private static TaggerContext? t_context;

    internal readonly UPos[] ClassUpos;
    internal readonly int[] ClassXpos;
    private readonly string[] _xposNames;
    private readonly Dictionary<string, int> _xposIds;
    internal readonly FeatureWeights Weights;
    /// <summary>Second-pass weights (null for a one-pass model).</summary>
    internal readonly FeatureWeights? Weights2;
    internal readonly TagLexicon Lexicon;

    internal Tagger(ModelInfo info, UPos[] classUpos, int[] classXpos, string[] xposNames, FeatureWeights weights,
        FeatureWeights? weights2, TagLexicon lexicon, Lemmatizer lemmatizer)
    {
        Weights2 = weights2;
        Info = info;
        ClassUpos = classUpos;
        ClassXpos = classXpos;
        _xposNames = xposNames;
        _xposIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < xposNames.Length; i++)
            _xposIds[xposNames[i]] = i;
        Weights = weights;
        Lexicon = lexicon;
        Lemmatizer = lemmatizer;
    }

    /// <summary>Model metadata (training data, features, scores, checksum).</summary>
    public ModelInfo Info { get; }

    /// <summary>The lemmatizer stored in the same model file.</summary>
    public Lemmatizer Lemmatizer { get; }

    /// <summary>XPOS tag names; XPOS ids index this list.</summary>
    public IReadOnlyList<string> XposNames => _xposNames;

    /// <summary>The XPOS name for an id from <see cref="Tag"/>; "_" for an out-of-range id.</summary>
    public string XposName(int id) => (uint)id < (uint)_xposNames.Length ? _xposNames[id] : "_";

    /// <summary>The id of an XPOS name, or -1.</summary>
    public int XposId(string name) => _xposIds.TryGetValue(name, out int id) ? id : -1;

    /// <summary>
    /// Tags one tokenized sentence. <paramref name="upos"/> and <paramref name="xposIds"/> must be at least as long
    /// as <paramref name="words"/>.
    /// </summary>
    public void Tag(ReadOnlySpan<string> words, Span<UPos> upos, Span<int> xposIds)
    {
        if (upos.Length < words.Length || xposIds.Length < words.Length)
            ThrowShort();
        var ctx = t_context ??= new TaggerContext();
        TagClasses(ctx, words, useFixed: true);
        var classes = ctx.Classes;
        for (int i = 0; i < words.Length; i++)
        {
            upos[i] = ClassUpos[classes[i]];
            xposIds[i] = ClassXpos[classes[i]];
        }
    }

    /// <summary>Predicts a class per word into <c>ctx.Classes</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void TagClasses(TaggerContext ctx, ReadOnlySpan<string> words, bool useFixed)
    {
        ctx.Prepare(words, Lexicon, useFixed);
        var scores = ctx.Scores.AsSpan(0, Weights.Classes);
        if (Weights2 == null)
        {
            Pass(ctx, words.Length, Weights, second: false, ctx.Classes, scores);
            return;
        }
        Pass(ctx, words.Length, Weights, second: false, ctx.First, scores);
        Pass(ctx, words.Length, Weights2, second: true, ctx.Classes, scores);
    }

    /// <summary>One left-to-right pass: the first reads the two previous predictions; the second also sees the first
    /// pass's predictions to the right (<see cref="TaggerContext.Features2"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Pass(TaggerContext ctx, int n, FeatureWeights weights, bool second, int[] classes, Span<float> scores)
    {
        int p1 = -1, p2 = -1;
        for (int i = 0; i < n; i++)
        {
            int c = ctx.Fixed[i];
            if (c < 0)
            {
                int nf = second ? ctx.Features2(i, p1, p2) : ctx.Features(i, p1, p2);
                scores.Clear();
                weights.AddScores(ctx.Feats.AsSpan(0, nf), scores);
                c = ArgMax(scores);
            }
            classes[i] = c;
            p2 = p1;
            p1 = c;
        }
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        float bestScore = scores[0];
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > bestScore)
            {
                bestScore = scores[c];
                best = c;
            }
        }
        return best;
    }

    private static void ThrowShort() =>
        throw new ArgumentException("Output spans must be at least as long as the word span.");

    /// <summary>Loads the model embedded in the Dyad assembly (models/tagger-en.bin).</summary>
    public static Tagger LoadDefault()
    {
        using var s = ModelFile.OpenEmbedded(DefaultFile);
        return Load(s);
    }

    /// <summary>Loads a tagger model file.</summary>
    public static Tagger Load(string path)
    {
        using var s = File.OpenRead(path);
        return Load(s);
    }

    /// <summary>Loads a tagger model from a stream, verifying its checksum.</summary>
    public static Tagger Load(Stream stream)
    {
        var (info, r) = ModelFile.Open(stream, Kind);
        using (r)
        {
            var xpos = ModelFile.ReadStrings(r);
            int nc = r.ReadInt32();
            var cu = new UPos[nc];
            var cx = new int[nc];
            for (int i = 0; i < nc; i++)
            {
                cu[i] = (UPos)r.ReadByte();
                cx[i] = r.ReadInt16();
            }
            var lexicon = TagLexicon.Read(r);
            var lemmatizer = Lemmatizer.Read(r);
            var weights = FeatureWeights.Read(r);
            var weights2 = r.ReadBoolean() ? FeatureWeights.Read(r) : null;
            return new Tagger(info, cu, cx, xpos, weights, weights2, lexicon, lemmatizer);
        }
    }

    internal static void Save(Stream output, IReadOnlyList<KeyValuePair<string, string>> metadata, UPos[] classUpos,
        int[] classXpos, string[] xposNames, FeatureWeights weights, FeatureWeights? weights2, TagLexicon lexicon,
        Lemmatizer lemmatizer)
    {
        ModelFile.Save(output, Kind, metadata, w =>
        {
            ModelFile.WriteStrings(w, xposNames);
            w.Write(classUpos.Length);
            for (int i = 0; i < classUpos.Length; i++)
            {
                w.Write((byte)classUpos[i]);
                w.Write((short)classXpos[i]);
            }
            lexicon.Write(w);
            lemmatizer.Write(w);
            weights.Write(w);
            w.Write(weights2 != null);
            weights2?.Write(w);
        });
    }
}
