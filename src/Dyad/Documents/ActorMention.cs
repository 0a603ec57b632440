namespace Dyad.Documents;

/// <summary>What kind of knowledge-base entry or inference a mention was resolved from.</summary>
public enum MentionKind
{
    Country,
    CountryAdjective,
    Capital,
    Seat,
    Organization,
    Agent,
    Person,
    City,
    Coreference,
}

/// <summary>
/// An actor found in the text: tokens [FirstToken, FirstToken+TokenCount), its head token (the token that takes part
/// in the dependency tree), the CAMEO actor code valid on the article date, and why it was resolved that way.
/// </summary>
public sealed record ActorMention(
    int FirstToken,
    int TokenCount,
    TextSpan Span,
    string Code,
    string? Country,
    IReadOnlyList<string> Sectors,
    MentionKind Kind,
    string Why)
{
    /// <summary>The token that represents the mention in the parse (the last noun of the phrase by default).</summary>
    public int HeadToken { get; init; } = FirstToken + TokenCount - 1;
    /// <summary>Name of the entity (person, organization, country) when known.</summary>
    public string? Entity { get; init; }
    /// <summary>The role an identified person held on the date, e.g. "Secretary of State".</summary>
    public string? Role { get; init; }
    public int EndToken => FirstToken + TokenCount;
}
