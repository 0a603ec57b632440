using Dyad.Reading;

namespace Dyad.Cli;

/// <summary>The input reader every command uses, with all formats registered.</summary>
internal static class Inputs
{
    public static InputReader Reader(CliContext ctx) => new() { StandardInput = ctx.Stdin };
}
