namespace Dyad.Coding;

/// <summary>Choices the event coder makes that differ between Dyad's own conventions and PETRARCH's.</summary>
public sealed record EventCoderOptions
{
    /// <summary>Recode announced acts ("will meet") as intents (036 ...). PETRARCH dictionaries spell modality out in patterns.</summary>
    public bool Intents { get; init; } = true;

    /// <summary>Split actor codes joined with '/' (a PETRARCH phrase with several codes) into one event per code.</summary>
    public bool SplitCodes { get; init; }

    /// <summary>
    /// Leave out acts that did not happen as reported: conditions ("if X attacks"), possibilities ("may", "might",
    /// "could") and acts a governing verb denies or refuses. PETRARCH codes them.
    /// </summary>
    public bool Hypotheticals { get; init; } = true;

    /// <summary>Date events by a date expression of their sentence ("last week", "on Tuesday", "in 2017") instead of the publication date.</summary>
    public bool SentenceDates { get; init; } = true;

    /// <summary>Pattern words may be further apart (8 tokens, across "that"), as TABARI-style dictionaries expect; "_"-joined words stay adjacent.</summary>
    public bool WideGaps { get; init; }

    /// <summary>When the subject is no actor, take the first actor inside the subject phrase ("Resumption of ties between X and Y may spur ..."), as PETRARCH does.</summary>
    public bool NounPhraseSubjects { get; init; }

    /// <summary>Leave out negated acts ("did not attack"). PETRARCH codes them unless a pattern with the negation says otherwise.</summary>
    public bool Negation { get; init; } = true;

    /// <summary>
    /// Words of patterns read from PETRARCH dictionaries match only in the forms written (plus the plurals PETRARCH
    /// generates for synset members), as PETRARCH-2 matches them; otherwise in any inflection, as UniversalPetrarch
    /// matches lemmas ("* EFFORT" and "abandoned efforts").
    /// </summary>
    public bool ExactPatternWords { get; init; }

    /// <summary>
    /// Code an act only when both its source and its target are actors (PETRARCH's <c>require_dyad</c>, on by default).
    /// Off, an act with a source but no target actor is coded with the null target <see cref="NullActorCode"/>
    /// ("..., a senior official said" → ---GOV --- 023).
    /// </summary>
    public bool RequireDyad { get; init; } = true;

    /// <summary>
    /// A place named with "in", "at", "outside" and the like ("will meet in Brussels", "newspapers in Britain", "attacked
    /// by muggers in Nairobi") is neither a target nor part of the actor or agent it follows, unless the pattern names
    /// the preposition ("invest in OBJ"). PETRARCH codes such places as targets.
    /// </summary>
    public bool PlacesAreNotActors { get; init; } = true;

    /// <summary>PETRARCH's code for a missing actor.</summary>
    public const string NullActorCode = "---";

    public static EventCoderOptions Default { get; } = new();

    /// <summary>For dictionaries imported from PETRARCH (see Dyad.Interop.Petrarch).</summary>
    public static EventCoderOptions Petrarch { get; } = new() { Intents = false, SplitCodes = true, Hypotheticals = false, SentenceDates = false, WideGaps = true, NounPhraseSubjects = true, Negation = false, ExactPatternWords = true, PlacesAreNotActors = false };
}
