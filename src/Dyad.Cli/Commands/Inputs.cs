using Dyad.Reading;

namespace Dyad.Cli;

/// <summary>The input reader every command uses, with all formats registered.</summary>
internal static class Inputs
{
    public static InputReader Reader(CliContext ctx) => new() { StandardInput = ctx.Stdin };

    /// <summary>The option that codes with PETRARCH/TABARI dictionaries instead of Dyad's own knowledge base and patterns.</summary>
    public static System.CommandLine.Option<string?> Dictionaries() =>
        new("--dictionaries") { Description = "Folder of PETRARCH-format dictionaries (verbs, actors, agents, discards) to code with" };

    /// <summary>Whether imported dictionaries replace Dyad's own knowledge and patterns or add to them.</summary>
    public static System.CommandLine.Option<string> DictionariesMode() =>
        new("--dictionaries-mode") { Description = "replace (code as PETRARCH would, the default) or add (on top of Dyad's own knowledge base and patterns)", DefaultValueFactory = _ => "replace" };

    /// <summary>The pipeline to code with: Dyad's default, or one built from PETRARCH dictionaries; null (reported) when they cannot be read.</summary>
    public static Pipeline.DyadPipeline? Pipeline(CliContext ctx, string? dictionaries, string? mode = "replace")
    {
        if (dictionaries is null) return DyadEngine.Default;
        if (mode is not ("replace" or "add"))
        {
            ctx.Error.WriteLine($"dyad: error: --dictionaries-mode '{mode}' is not replace or add");
            return null;
        }
        if (!Directory.Exists(dictionaries))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(dictionaries)}");
            return null;
        }
        try
        {
            var d = Interop.Petrarch.PetrarchDictionaries.Load(dictionaries);
            return mode == "add" ? d.CreateCombinedBuilder().Build() : d.CreateBuilder().Build();
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or Errors.DyadException)
        {
            ctx.Error.WriteLine($"dyad: error: {dictionaries}: cannot read the dictionaries: {e.Message}");
            return null;
        }
    }
}
