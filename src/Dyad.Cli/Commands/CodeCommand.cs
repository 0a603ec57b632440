using System.CommandLine;
using System.Text;
using Dyad.Errors;
using Dyad.Output;
using Dyad.Processing;

namespace Dyad.Cli;

/// <summary><c>dyad code PATH... [--date D] [--format jsonl|gdelt|csv] [--out FILE]</c></summary>
internal static class CodeCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = Options.Paths();
        var date = Options.Date();
        var format = new Option<string>("--format") { Description = "jsonl (default), gdelt (GDELT 2.0 event rows) or csv", DefaultValueFactory = _ => "jsonl" };
        var output = new Option<string?>("--out") { Description = "Write events to this file instead of standard output" };
        var threads = Options.Threads();
        var dictionaries = Inputs.Dictionaries();
        var dictionariesMode = Inputs.DictionariesMode();
        var cmd = new Command("code", "Code events from news articles and print them") { paths, date, format, output, threads, dictionaries, dictionariesMode };
        cmd.SetAction(r => Run(ctx, r.GetValue(paths)!, r.GetValue(date), r.GetValue(format), r.GetValue(output), r.GetValue(threads), r.GetValue(dictionaries), r.GetValue(dictionariesMode)));
        return cmd;
    }

    public static int Run(CliContext ctx, string[] paths, string? dateText, string? formatText, string? outPath, int threads, string? dictionaries = null, string? dictionariesMode = "replace")
    {
        if (!Options.TryDate(dateText, ctx, out var date)) return Cli.UsageError;
        var pipeline = Inputs.Pipeline(ctx, dictionaries, dictionariesMode);
        if (pipeline is null) return Cli.UsageError;
        if (!EventWriters.TryParseFormat(formatText, out var format))
        {
            ctx.Error.WriteLine($"dyad: {ErrorCatalog.BadFormatOption(formatText ?? "")}");
            return Cli.UsageError;
        }
        TextWriter target = ctx.Out;
        string? tempPath = null;
        if (outPath is not null)
        {
            // Write to a temporary file and move it into place, so an interrupted run never leaves a half-written file.
            tempPath = outPath + ".partial";
            target = new StreamWriter(tempPath, false, new UTF8Encoding(false), 1 << 16);
        }
        RunSummary summary;
        using (var progress = new Progress(ctx))
        using (var writer = EventWriters.Create(format, target))
        {
            var runner = new BatchRunner(pipeline, threads) { Progress = progress.Update };
            summary = runner.Run(Inputs.Reader(ctx).Read(paths, date), writer.Write, (e, w) => Options.Report(ctx, e, w));
        }
        if (tempPath is not null)
        {
            target.Dispose();
            File.Move(tempPath, outPath!, overwrite: true);
        }
        Options.RunNotes(ctx, summary);
        ctx.Error.WriteLine($"dyad: {summary.Articles:N0} articles, {summary.Sentences:N0} sentences, {summary.Events:N0} events"
            + (summary.Errors > 0 ? $", {summary.Errors:N0} inputs failed" : ""));
        return summary.Errors > 0 ? Cli.SomeInputFailed : Cli.Ok;
    }
}
