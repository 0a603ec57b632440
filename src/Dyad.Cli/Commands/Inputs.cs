using Dyad.Reading;

namespace Dyad.Cli;

/// <summary>The input reader every command uses, with all formats registered.</summary>
internal static class Inputs
{
    public static InputReader Reader(CliContext ctx) => new() { StandardInput = ctx.Stdin };

    /// <summary>The option that codes with PETRARCH/TABARI dictionaries instead of Dyad's own knowledge base and patterns.</summary>
    public static System.CommandLine.Option<string?> Dictionaries() =>
        new("--dictionaries") { Description = "Folder of PETRARCH-format dictionaries (verbs, actors, agents, discards) to code with instead of Dyad's own" };

    /// <summary>The pipeline to code with: Dyad's default, or one built from PETRARCH dictionaries; null (reported) when they cannot be read.</summary>
    public static Pipeline.DyadPipeline? Pipeline(CliContext ctx, string? dictionaries)
    {
        if (dictionaries is null) return DyadEngine.Default;
        if (!Directory.Exists(dictionaries))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(dictionaries)}");
            return null;
        }
        try
        {
            return Interop.Petrarch.PetrarchDictionaries.Load(dictionaries).CreateBuilder().Build();
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or Errors.DyadException)
        {
            ctx.Error.WriteLine($"dyad: error: {dictionaries}: cannot read the dictionaries: {e.Message}");
            return null;
        }
    }
}
