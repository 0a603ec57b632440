namespace Dyad.Syntax;

/// <summary>
/// The tagger, lemmatizer and parser bundled for the pipeline. Immutable and safe to share between threads:
/// prediction uses per-thread scratch buffers and never mutates the models. <see cref="LoadDefault"/> loads the
/// embedded models once, lazily, and returns the same instance afterwards.
/// <code>
/// var m = SyntaxModels.LoadDefault();
/// m.Analyze(words, upos, xposIds, lemmas, heads, rels);
/// </code>
/// </summary>
public sealed class SyntaxModels
{
    private static readonly Lazy<SyntaxModels> s_default =
        new(() => new SyntaxModels(Tagger.LoadDefault(), DependencyParser.LoadDefault()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Bundles a tagger (with its lemmatizer) and a parser trained on the same XPOS inventory.</summary>
    /// <exception cref="ArgumentException">The parser's XPOS inventory differs from the tagger's.</exception>
    public SyntaxModels(Tagger tagger, DependencyParser parser)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(parser);
        if (!tagger.XposNames.SequenceEqual(parser.XposNames))
            throw new ArgumentException("The tagger and parser models use different XPOS inventories.", nameof(parser));
        Tagger = tagger;
        Parser = parser;
    }

    public Tagger Tagger { get; }
    public Lemmatizer Lemmatizer => Tagger.Lemmatizer;
    public DependencyParser Parser { get; }

    /// <summary>The embedded English models (models/tagger-en.bin, models/parser-en.bin), loaded on first use.</summary>
    public static SyntaxModels LoadDefault() => s_default.Value;

    /// <summary>Loads a tagger and a parser model file.</summary>
    public static SyntaxModels Load(string taggerPath, string parserPath) =>
        new(Tagger.Load(taggerPath), DependencyParser.Load(parserPath));

    /// <summary>
    /// Tags, lemmatizes and parses one tokenized sentence. Every output span must be at least as long as
    /// <paramref name="words"/>; heads are 1-based (0 = root).
    /// </summary>
    public void Analyze(ReadOnlySpan<string> words, Span<UPos> upos, Span<int> xposIds, Span<string> lemmas,
        Span<int> heads, Span<DepRel> labels)
    {
        if (lemmas.Length < words.Length)
            throw new ArgumentException("Output spans must be at least as long as the word span.", nameof(lemmas));
        Tagger.Tag(words, upos, xposIds);
        for (int i = 0; i < words.Length; i++)
            lemmas[i] = Lemmatizer.Lemmatize(words[i], upos[i], Tagger.XposName(xposIds[i]));
        Parser.Parse(words, upos, xposIds, heads, labels);
    }
}
