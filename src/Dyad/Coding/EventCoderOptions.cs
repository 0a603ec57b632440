namespace Dyad.Coding;

/// <summary>Choices the event coder makes that differ between Dyad's own conventions and PETRARCH's.</summary>
public sealed record EventCoderOptions
{
    /// <summary>Recode announced acts ("will meet") as intents (036 ...). PETRARCH dictionaries spell modality out in patterns.</summary>
    public bool Intents { get; init; } = true;

    /// <summary>Split actor codes joined with '/' (a PETRARCH phrase with several codes) into one event per code.</summary>
    public bool SplitCodes { get; init; }

    public static EventCoderOptions Default { get; } = new();

    /// <summary>For dictionaries imported from PETRARCH (see Dyad.Interop.Petrarch).</summary>
    public static EventCoderOptions Petrarch { get; } = new() { Intents = false, SplitCodes = true };
}
