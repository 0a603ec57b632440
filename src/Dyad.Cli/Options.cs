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

    /// <summary>Notes after a run: undated articles, and dates past the knowledge base's last check of officeholders.</summary>
    public static void RunNotes(CliContext ctx, Processing.RunSummary summary)
    {
        var checkedOn = Knowledge.KnowledgeBase.PeopleCheckedOn;
        if (summary.Undated > 0)
            ctx.Error.WriteLine($"dyad: note: {summary.Undated:N0} articles had no publication date and were coded as of today "
                + "(give one with --date, a YYYY-MM-DD file-name prefix or a date field)");
        if (summary.LatestDate > checkedOn || (summary.Undated > 0 && DateOnly.FromDateTime(DateTime.UtcNow) > checkedOn))
            ctx.Error.WriteLine($"dyad: note: articles dated after {checkedOn:yyyy-MM-dd}, when the knowledge base's officeholders were last "
                + "checked: who took or left office since is known only from the titles the text gives");
    }

    public static void Report(CliContext ctx, DyadError error, bool warning) =>
        ctx.Error.WriteLine($"dyad: {(warning ? "warning" : "error")}: {error}");
}
