namespace Dyad.Actors.Names;

/// <summary>
/// The names found so far in one document, so that later short mentions get the same type: "Rathbun" after
/// "Mark Rathbun" is a person, "FIRST" after "FIRST" was an organisation. Create one per document and pass it to every
/// <see cref="NameFinder.Find(ReadOnlySpan{string}, ReadOnlySpan{string}, List{NameSpan}, NameMemory?)"/> call of that
/// document, in order. Not thread-safe.
/// </summary>
public sealed class NameMemory
{
    private readonly Dictionary<string, NameType> _personParts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameType> _names = new(StringComparer.Ordinal);

    /// <summary>Sentences so far with two or more sport words ("scored", "penalty", "match").</summary>
    public int SportSentences { get; internal set; }

    /// <summary>Number of names remembered.</summary>
    public int Count => _names.Count;

    /// <summary>Forgets everything (to reuse the instance for the next document).</summary>
    public void Clear()
    {
        _personParts.Clear();
        _names.Clear();
        SportSentences = 0;
    }

    /// <summary>Remembers a name found in <paramref name="words"/>.</summary>
    public void Remember(ReadOnlySpan<string> words, NameSpan name)
    {
        var tokens = words.Slice(name.Start, name.Length);
        _names[Join(tokens)] = name.Type;
        // "Church of Scientology" makes a later "Scientology" the organisation too
        if (name.Type == NameType.Organization && tokens.Length == 3 && tokens[1] == "of" && IsPlainName(tokens[2]))
            _names.TryAdd(tokens[2], NameType.Organization);
        if (name.Type != NameType.Person || tokens.Length < 2) return;
        foreach (var t in tokens)
        {
            // parts of a person's full name: "Rathbun", "Mark"; not initials or particles
            if (t.Length < 2 || !char.IsUpper(t[0]) || t[^1] == '.') continue;
            if ((NameLexicon.Flags(t) & (WordFlags.Stop | WordFlags.Title | WordFlags.NameParticle | WordFlags.Thing | WordFlags.Group)) != 0) continue;
            if (IsAllCaps(t)) continue;
            _personParts.TryAdd(t, NameType.Person);
            _names[t] = NameType.Person;
        }
    }

    /// <summary>The type of a name seen before with exactly these tokens.</summary>
    public bool TryGetName(ReadOnlySpan<string> tokens, out NameType type) => _names.TryGetValue(Join(tokens), out type);

    /// <summary>True when <paramref name="token"/> was part of a person's full name earlier in the document.</summary>
    public bool IsPersonPart(string token) => _personParts.ContainsKey(token);

    private static bool IsPlainName(string t) =>
        t.Length > 1 && char.IsUpper(t[0]) && !IsAllCaps(t) &&
        (NameLexicon.Flags(t) & (WordFlags.Thing | WordFlags.TitlePart | WordFlags.Group | WordFlags.Title | WordFlags.OrgCue | WordFlags.PlaceCue)) == 0
        && PlaceNames.Match([t], 0, false) == 0;

    private static bool IsAllCaps(string t)
    {
        foreach (char c in t) if (char.IsLower(c)) return false;
        return true;
    }

    private static string Join(ReadOnlySpan<string> tokens) => tokens.Length == 1 ? tokens[0] : string.Join(" ", tokens);
}
