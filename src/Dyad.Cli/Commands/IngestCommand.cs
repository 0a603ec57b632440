using System.CommandLine;
using Dyad.Documents;
using Dyad.Processing;
using Dyad.Storage;

namespace Dyad.Cli;

/// <summary><c>dyad ingest PATH... [--db FILE]</c>: stores articles and events; re-ingesting adds nothing.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = Options.Paths();
        var date = Options.Date();
        var db = Options.Db();
        var threads = Options.Threads();
        var batch = new Option<int>("--batch") { Description = "Articles per transaction", DefaultValueFactory = _ => 200 };
        var dictionaries = Inputs.Dictionaries();
        var dictionariesMode = Inputs.DictionariesMode();
        var cmd = new Command("ingest", "Code articles and store them with their events in a SQLite database") { paths, date, db, threads, batch, dictionaries, dictionariesMode };
        cmd.SetAction(r => Run(ctx, r.GetValue(paths)!, r.GetValue(date), r.GetValue(db)!, r.GetValue(threads), r.GetValue(batch), r.GetValue(dictionaries), r.GetValue(dictionariesMode)));
        return cmd;
    }

    public static int Run(CliContext ctx, string[] paths, string? dateText, string dbPath, int threads, int batchSize, string? dictionaries = null, string? dictionariesMode = "replace")
    {
        if (!Options.TryDate(dateText, ctx, out var date)) return Cli.UsageError;
        var pipeline = Inputs.Pipeline(ctx, dictionaries, dictionariesMode);
        if (pipeline is null) return Cli.UsageError;
        EventStore store;
        try
        {
            store = new EventStore(dbPath);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.DatabaseFailure(dbPath, e.Message)}");
            return Cli.SomeInputFailed;
        }
        long added = 0, skipped = 0, pending = 0;
        RunSummary summary;
        using (store)
        using (var progress = new Progress(ctx))
        {
            store.BeginBatch();
            var runner = new BatchRunner(pipeline, threads) { Progress = progress.Update };
            summary = runner.Run(Inputs.Reader(ctx).Read(paths, date), Store, (e, w) => Options.Report(ctx, e, w));
            store.CommitBatch();

            void Store(Document doc)
            {
                if (store.Add(doc)) added++;
                else skipped++;
                if (++pending >= Math.Max(1, batchSize))
                {
                    store.CommitBatch();
                    store.BeginBatch();
                    pending = 0;
                }
            }
            Options.RunNotes(ctx, summary);
            var (articles, events) = store.Counts();
            ctx.Error.WriteLine($"dyad: ingested {added:N0} new articles ({skipped:N0} already stored); {dbPath} holds {articles:N0} articles, {events:N0} events"
                + (summary.Errors > 0 ? $"; {summary.Errors:N0} inputs failed" : ""));
        }
        return summary.Errors > 0 ? Cli.SomeInputFailed : Cli.Ok;
    }
}
