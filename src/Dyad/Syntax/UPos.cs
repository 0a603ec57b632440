namespace Dyad.Syntax;

/// <summary>
/// The seventeen Universal Dependencies part-of-speech tags (UPOS). <see cref="UPosNames"/> converts to and from
/// the UD spelling ("NOUN", "PROPN", ...).
/// </summary>
public enum UPos : byte
{
    X = 0,
    Adj,
    Adp,
    Adv,
    Aux,
    CConj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    PropN,
    Punct,
    SConj,
    Sym,
    Verb,
}

/// <summary>Conversions between <see cref="UPos"/> values and their UD names (interned strings).</summary>
public static class UPosNames
{
    private static readonly string[] Names =
    [
        "X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB",
    ];

    /// <summary>Number of UPOS values.</summary>
    public const int Count = 17;

    /// <summary>The UD name of a tag, e.g. "PROPN" (an interned string).</summary>
    public static string Name(UPos tag) => (uint)tag < (uint)Names.Length ? Names[(int)tag] : "X";

    /// <summary>Parses a UD name; unknown names give false and <see cref="UPos.X"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out UPos tag)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                tag = (UPos)i;
                return true;
            }
        }
        tag = UPos.X;
        return false;
    }

    /// <summary>Parses a UD name, mapping unknown names to <see cref="UPos.X"/>.</summary>
    public static UPos Parse(ReadOnlySpan<char> name) => TryParse(name, out var t) ? t : UPos.X;
}
