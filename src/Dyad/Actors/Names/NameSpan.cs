namespace Dyad.Actors.Names;

/// <summary>The three name types of news named-entity recognition (CoNLL / Universal NER PER, ORG, LOC).</summary>
public enum NameType : byte
{
    /// <summary>A person: "Marcelo Ebrard", "Kang Kyung-wha", "Rathbun".</summary>
    Person,
    /// <summary>An organisation: "United Nations", "Irving Police Department", "NASA".</summary>
    Organization,
    /// <summary>A place: countries, cities, regions, buildings ("United States", "Mecca", "the White House").</summary>
    Location,
}

/// <summary>Why a span was found and typed; several reasons may combine.</summary>
[Flags]
public enum NameEvidence : ushort
{
    None = 0,
    /// <summary>The knowledge base names it (person, organisation, country, capital, seat or city).</summary>
    KnowledgeBase = 1 << 0,
    /// <summary>A capitalised run of words (or proper-noun tags) with no knowledge-base entry.</summary>
    Capitalized = 1 << 1,
    /// <summary>A title or honorific before it ("President", "Dr.", "spokesman").</summary>
    Title = 1 << 2,
    /// <summary>An organisation word in it ("Ministry", "Party", "University", "Inc.").</summary>
    OrganizationCue = 1 << 3,
    /// <summary>A place word in it ("City", "Province", "River") or a place preposition before it ("in", "near").</summary>
    PlaceCue = 1 << 4,
    /// <summary>A word after it that people do ("said", ", who").</summary>
    PersonContext = 1 << 5,
    /// <summary>An all-capital acronym ("NASA", "AFP").</summary>
    Acronym = 1 << 6,
    /// <summary>The same name (or part of a person's name) was found earlier in the document.</summary>
    Memory = 1 << 7,
    /// <summary>Proper-noun tags (PROPN) from the tagger.</summary>
    ProperNounTags = 1 << 8,
    /// <summary>No cue: the type is the default for its shape (two or more capitalised words are a person).</summary>
    Default = 1 << 9,
    /// <summary>A common given name on its own ("Renee", "Ahmed").</summary>
    GivenName = 1 << 10,
}

/// <summary>
/// A name found by <see cref="NameFinder"/>: tokens [<see cref="Start"/>, <see cref="Start"/>+<see cref="Length"/>)
/// of the sentence, without a leading determiner or a trailing possessive "'s".
/// </summary>
public readonly record struct NameSpan(int Start, int Length, NameType Type, NameEvidence Evidence)
{
    public int End => Start + Length;

    /// <summary>"PER", "ORG" or "LOC".</summary>
    public string Label => Type switch { NameType.Person => "PER", NameType.Organization => "ORG", _ => "LOC" };

    public override string ToString() => $"{Label}[{Start},{End}) {Evidence}";
}
