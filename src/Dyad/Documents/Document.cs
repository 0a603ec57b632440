using System.Runtime.CompilerServices;

namespace Dyad.Documents;

/// <summary>
/// A cleaned article and everything the pipeline learned about it. Token data is stored column-wise in arrays
/// (start, length, word, and later tags and arcs); <see cref="Token"/> is a lightweight view over one index.
/// Every annotation carries character offsets into <see cref="Text"/>, the cleaned text, so evidence can always be shown.
/// </summary>
public sealed class Document
{
    private int[] _tokenStart = new int[64];
    private int[] _tokenLength = new int[64];
    private string[] _words = new string[64];

    public Document(Article article, bool tracing = false)
    {
        Article = article;
        Tracing = tracing;
    }

    public Article Article { get; }

    /// <summary>The cleaned text: the headline (when there is one) as the first paragraph, then the body.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>What cleaning removed, in order, with the reason; nothing is coded from these.</summary>
    public List<RemovedSpan> Removed { get; } = new();

    public List<Paragraph> Paragraphs { get; } = new();
    public List<Sentence> Sentences { get; } = new();
    public List<ActorMention> Mentions { get; } = new();
    public List<CodedEvent> Events { get; } = new();

    /// <summary>When set, components write why they did what they did to <see cref="Trace"/> (for <c>dyad explain</c>).</summary>
    public bool Tracing { get; init; }

    /// <summary>Component decisions, in order, when <see cref="Tracing"/> is on: (sentence index or -1, component, message).</summary>
    public List<(int Sentence, string Component, string Message)> Trace { get; } = new();

    public void Note(int sentence, string component, string message)
    {
        if (Tracing) Trace.Add((sentence, component, message));
    }

    /// <summary>Records a decision; the interpolated message is only formatted when tracing is on (free otherwise).</summary>
    public void Note(int sentence, string component, [InterpolatedStringHandlerArgument("")] ref TraceMessageHandler message)
    {
        if (Tracing) Trace.Add((sentence, component, message.ToStringAndClear()));
    }

    /// <summary>Which annotation layers are present.</summary>
    public Annotation Annotations { get; private set; }

    public int TokenCount { get; private set; }

    /// <summary>Part-of-speech, lemma and dependency layer, present once a syntax component ran.</summary>
    public SyntaxLayer? Syntax { get; set; }

    public void SetText(string text)
    {
        Text = text;
        MarkDone(Annotation.CleanText);
    }

    public void MarkDone(Annotation layer) => Annotations |= layer;
    public bool Has(Annotation layer) => (Annotations & layer) == layer;

    /// <summary>Appends a token covering <paramref name="span"/> of the text; returns its index.</summary>
    public int AddToken(TextSpan span, string? word = null)
    {
        int i = TokenCount;
        if (i == _tokenStart.Length)
        {
            int n = i * 2;
            Array.Resize(ref _tokenStart, n);
            Array.Resize(ref _tokenLength, n);
            Array.Resize(ref _words, n);
        }
        _tokenStart[i] = span.Start;
        _tokenLength[i] = span.Length;
        _words[i] = word ?? Text.Substring(span.Start, span.Length);
        TokenCount = i + 1;
        return i;
    }

    public Token this[int index] => new(this, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TextSpan TokenSpan(int index) => new(_tokenStart[index], _tokenLength[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string Word(int index) => _words[index];

    /// <summary>The words of tokens [first, first+count) as a span (no copy).</summary>
    public ReadOnlySpan<string> Words(int first, int count) => new(_words, first, count);

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>The character span covering tokens [first, first+count).</summary>
    public TextSpan TokensSpan(int first, int count) =>
        TextSpan.FromBounds(_tokenStart[first], _tokenStart[first + count - 1] + _tokenLength[first + count - 1]);

    /// <summary>Index of the sentence holding a token (binary search).</summary>
    public int SentenceOf(int token)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (token < s.FirstToken) hi = mid - 1;
            else if (token >= s.FirstToken + s.TokenCount) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}

/// <summary>A view of one token of a document.</summary>
public readonly struct Token
{
    private readonly Document _doc;
    public Token(Document doc, int index)
    {
        _doc = doc;
        Index = index;
    }
    public int Index { get; }
    public TextSpan Span => _doc.TokenSpan(Index);
    public string Word => _doc.Word(Index);
    public override string ToString() => Word;
}

/// <summary>A paragraph of the cleaned text; the headline is the first one when the article has one.</summary>
public readonly record struct Paragraph(TextSpan Span, bool IsHeadline);

/// <summary>A sentence: its characters, its tokens [FirstToken, FirstToken+TokenCount), and its paragraph.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, int Paragraph)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>Text that cleaning removed from the raw article, with why.</summary>
/// <param name="Reason">A short machine-readable reason, e.g. <c>photo-credit</c>, <c>link-card</c>.</param>
/// <param name="Text">The removed text.</param>
/// <param name="RawOffset">Where it started in the raw body.</param>
/// <param name="CleanOffset">Where it would have been in the cleaned text.</param>
public readonly record struct RemovedSpan(string Reason, string Text, int RawOffset, int CleanOffset);

/// <summary>Formats a trace message only when the document is tracing, so untraced runs pay nothing for it.</summary>
[InterpolatedStringHandler]
public ref struct TraceMessageHandler
{
    private DefaultInterpolatedStringHandler _inner;
    private readonly bool _on;

    public TraceMessageHandler(int literalLength, int formattedCount, Document document, out bool shouldAppend)
    {
        _on = document.Tracing;
        shouldAppend = _on;
        _inner = _on ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);
    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);
    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);
    public void AppendFormatted(ReadOnlySpan<char> value) => _inner.AppendFormatted(value);
    public void AppendFormatted(string? value) => _inner.AppendFormatted(value);
    public string ToStringAndClear() => _on ? _inner.ToStringAndClear() : string.Empty;
}
