using System.CommandLine;
using Dyad.Errors;
using Dyad.Reading;

namespace Dyad.Cli;

/// <summary>Options shared by several commands, and their validation.</summary>
internal static class Options
{
    public static Argument<string[]> Paths(string description = "Files, folders (read recursively) or - for standard input") =>
        new("paths") { Description = description, Arity = ArgumentArity.OneOrMore };

    public static Option<string?> Date() =>
        new("--date") { Description = "Publication date (YYYY-MM-DD) for inputs that carry none" };

    public static Option<string?> Db() =>
        new("--db") { Description = "SQLite database file", DefaultValueFactory = _ => "dyad.db" };

    public static Option<int> Threads() =>
        new("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => 0 };

    /// <summary>Parses a YYYY-MM-DD option; reports and returns false when it is not one.</summary>
    public static bool TryDate(string? text, CliContext ctx, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateParsing.TryParseIsoDate(text, out var d) && text.Trim().Length == 10)
        {
            date = d;
            return true;
        }
        ctx.Error.WriteLine($"dyad: {ErrorCatalog.BadDateOption(text)}");
        return false;
    }

    public static void Report(CliContext ctx, DyadError error, bool warning) =>
        ctx.Error.WriteLine($"dyad: {(warning ? "warning" : "error")}: {error}");
}
