namespace Dyad.Errors;

/// <summary>A problem the user can act on. The message comes from <see cref="ErrorCatalog"/>.</summary>
public sealed class DyadException : Exception
{
    public DyadException(DyadError error) : base(error.Message) => Error = error;
    public DyadError Error { get; }
}

/// <summary>A coded, located problem: <c>Code</c> is stable (DY0xx), <c>Where</c> names the file and line when known.</summary>
public readonly record struct DyadError(string Code, string Message, string? Where = null)
{
    public override string ToString() => Where is null ? $"{Code}: {Message}" : $"{Where}: {Code}: {Message}";
}
