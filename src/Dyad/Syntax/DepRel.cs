namespace Dyad.Syntax;

/// <summary>
/// Universal Dependencies relations, including the language-specific subtypes used by UD English
/// (e.g. <see cref="NsubjPass"/> for "nsubj:pass"). <see cref="DepRels"/> converts to and from the UD spelling and
/// gives the universal part of a subtype.
/// </summary>
public enum DepRel : byte
{
    Dep = 0,
    Root,
    Acl,
    AclRelcl,
    Advcl,
    AdvclRelcl,
    Advmod,
    Amod,
    Appos,
    Aux,
    AuxPass,
    Case,
    Cc,
    CcPreconj,
    Ccomp,
    Clf,
    Compound,
    CompoundPrt,
    Conj,
    Cop,
    Csubj,
    CsubjPass,
    CsubjOuter,
    Det,
    DetPredet,
    Discourse,
    Dislocated,
    Expl,
    Fixed,
    Flat,
    FlatForeign,
    Goeswith,
    Iobj,
    List,
    Mark,
    Nmod,
    NmodPoss,
    NmodTmod,
    NmodNpmod,
    NmodUnmarked,
    NmodDesc,
    Nsubj,
    NsubjPass,
    NsubjOuter,
    Nummod,
    Obj,
    Obl,
    OblAgent,
    OblTmod,
    OblNpmod,
    OblUnmarked,
    Orphan,
    Parataxis,
    Punct,
    Reparandum,
    Vocative,
    Xcomp,
}

/// <summary>Conversions between <see cref="DepRel"/> values and UD relation names (interned strings).</summary>
public static class DepRels
{
    private static readonly string[] Names =
    [
        "dep", "root", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux", "aux:pass",
        "case", "cc", "cc:preconj", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj", "csubj:pass",
        "csubj:outer", "det", "det:predet", "discourse", "dislocated", "expl", "fixed", "flat", "flat:foreign",
        "goeswith", "iobj", "list", "mark", "nmod", "nmod:poss", "nmod:tmod", "nmod:npmod", "nmod:unmarked",
        "nmod:desc", "nsubj", "nsubj:pass", "nsubj:outer", "nummod", "obj", "obl", "obl:agent", "obl:tmod",
        "obl:npmod", "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "vocative", "xcomp",
    ];

    private static readonly DepRel[] UniversalOf = BuildUniversal();

    /// <summary>Number of <see cref="DepRel"/> values.</summary>
    public static int Count => Names.Length;

    /// <summary>The UD name, e.g. "nsubj:pass" (an interned string).</summary>
    public static string Name(DepRel rel) => (uint)rel < (uint)Names.Length ? Names[(int)rel] : "dep";

    /// <summary>The universal part of a relation: <c>NsubjPass</c> gives <c>Nsubj</c>.</summary>
    public static DepRel Universal(DepRel rel) => (uint)rel < (uint)UniversalOf.Length ? UniversalOf[(int)rel] : DepRel.Dep;

    /// <summary>
    /// Parses a UD relation name. An unknown subtype falls back to its universal part ("nmod:of" gives Nmod);
    /// an unknown relation gives false and <see cref="DepRel.Dep"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> name, out DepRel rel)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                rel = (DepRel)i;
                return true;
            }
        }
        int colon = name.IndexOf(':');
        if (colon > 0)
            return TryParse(name[..colon], out rel);
        rel = DepRel.Dep;
        return false;
    }

    /// <summary>Parses a UD relation name, mapping unknown names to <see cref="DepRel.Dep"/>.</summary>
    public static DepRel Parse(ReadOnlySpan<char> name) => TryParse(name, out var r) ? r : DepRel.Dep;

    private static DepRel[] BuildUniversal()
    {
        var result = new DepRel[Names.Length];
        for (int i = 0; i < Names.Length; i++)
        {
            string n = Names[i];
            int colon = n.IndexOf(':');
            result[i] = colon < 0 ? (DepRel)i : Parse(n.AsSpan(0, colon));
        }
        return result;
    }
}
