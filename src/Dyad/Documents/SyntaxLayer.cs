namespace Dyad.Documents;

/// <summary>
/// Part-of-speech tags, lemmas and dependency arcs for a document's tokens, indexed like the tokens.
/// Tags and relations are Universal Dependencies names held as interned strings (compare with <c>==</c> on constants).
/// Heads are document token indexes, -1 for a sentence root. Sentences the syntax stage skipped have null lemmas.
/// </summary>
public sealed class SyntaxLayer
{
    public SyntaxLayer(int tokenCount)
    {
        Upos = new string[tokenCount];
        Xpos = new string[tokenCount];
        Lemma = new string[tokenCount];
        Head = new int[tokenCount];
        Rel = new string[tokenCount];
        Parsed = new bool[tokenCount];
        Array.Fill(Head, -1);
    }

    public string[] Upos { get; }
    public string[] Xpos { get; }
    public string[] Lemma { get; }
    public int[] Head { get; }
    public string[] Rel { get; }
    /// <summary>Whether the token's sentence was tagged and parsed.</summary>
    public bool[] Parsed { get; }
}
