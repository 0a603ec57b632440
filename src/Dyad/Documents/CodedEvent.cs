namespace Dyad.Documents;

/// <summary>One actor slot of an event: CAMEO actor code, ISO-3166 alpha-3 country, sectors, and the words.</summary>
public sealed record EventActor(string Code, string? Country, IReadOnlyList<string> Sectors, string Text, TextSpan Span);

/// <summary>
/// A coded event: who did what to whom, when, with the evidence (sentence, spans, the pattern that fired).
/// </summary>
public sealed record CodedEvent
{
    public required string EventId { get; init; }
    public required string ArticleId { get; init; }
    public required DateOnly? Date { get; init; }
    public required EventActor Source { get; init; }
    public required EventActor Target { get; init; }
    /// <summary>CAMEO event code, 2 to 4 digits, e.g. "041".</summary>
    public required string Cameo { get; init; }
    public required int Sentence { get; init; }
    public required string SentenceText { get; init; }
    public required TextSpan VerbSpan { get; init; }
    public required string Pattern { get; init; }
    public double Confidence { get; init; } = 1.0;
    public bool Negated { get; init; }
    public bool Hypothetical { get; init; }
    /// <summary>How many sentences of the article reported this same event (GDELT NumMentions).</summary>
    public int Mentions { get; init; } = 1;
    public string? Url { get; init; }
    public string? Outlet { get; init; }
}
