using System.CommandLine;
using System.Globalization;
using Dyad.Storage;
using Spectre.Console;

namespace Dyad.Cli;

/// <summary><c>dyad events [--db FILE] [--source X] [--target Y] [--code 04] [--from D] [--to D]</c></summary>
internal static class EventsCommand
{
    public static Command Create(CliContext ctx)
    {
        var db = Options.Db();
        var source = new Option<string?>("--source") { Description = "Source actor code prefix (USA, USAGOV)" };
        var target = new Option<string?>("--target") { Description = "Target actor code prefix" };
        var code = new Option<string?>("--code") { Description = "CAMEO code prefix (04, 042)" };
        var from = new Option<string?>("--from") { Description = "First date (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Last date (YYYY-MM-DD)" };
        var limit = new Option<int>("--limit") { Description = "Most rows shown", DefaultValueFactory = _ => 200 };
        var cmd = new Command("events", "List stored events as a table") { db, source, target, code, from, to, limit };
        cmd.SetAction(r => Run(ctx, r.GetValue(db)!, r.GetValue(source), r.GetValue(target), r.GetValue(code), r.GetValue(from), r.GetValue(to), r.GetValue(limit)));
        return cmd;
    }

    public static int Run(CliContext ctx, string dbPath, string? source, string? target, string? code, string? fromText, string? toText, int limit)
    {
        if (!Options.TryDate(fromText, ctx, out var from) || !Options.TryDate(toText, ctx, out var to)) return Cli.UsageError;
        if (!File.Exists(dbPath))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(dbPath)} (run dyad ingest first)");
            return Cli.SomeInputFailed;
        }
        using var store = new EventStore(dbPath);
        var rows = store.Query(new EventQuery(source, target, code, from, to, limit));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(ctx.Out),
            Ansi = ReferenceEquals(ctx.Out, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(ctx.Out, Console.Out) && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!ReferenceEquals(ctx.Out, Console.Out) || Console.IsOutputRedirected) console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "date", "source", "target", "cameo", "quad", "goldstein", "mentions", "articles", "sources", "sentence" }) table.AddColumn(h);
        foreach (var e in rows)
        {
            string sentence = e.Sentence.Length > 90 ? e.Sentence[..90] + "…" : e.Sentence;
            table.AddRow(Markup.Escape(e.Date ?? ""), Markup.Escape(e.SourceCode), Markup.Escape(e.TargetCode), e.Cameo,
                e.QuadClass.ToString(CultureInfo.InvariantCulture), e.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                e.Mentions.ToString(CultureInfo.InvariantCulture), e.Articles.ToString(CultureInfo.InvariantCulture),
                e.Sources.ToString(CultureInfo.InvariantCulture), Markup.Escape(sentence));
        }
        console.Write(table);
        ctx.Out.WriteLine($"{rows.Count} event(s)");
        return Cli.Ok;
    }
}
