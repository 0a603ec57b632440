using System.CommandLine;
using Dyad.Explain;
using Dyad.Reading;

namespace Dyad.Cli;

/// <summary><c>dyad explain TEXT | --file F [--date D]</c></summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext ctx)
    {
        var text = new Argument<string?>("text") { Description = "The text to explain (first line: headline when several lines)", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Explain this article file instead" };
        var date = Options.Date();
        var dictionaries = Inputs.Dictionaries();
        var dictionariesMode = Inputs.DictionariesMode();
        var cmd = new Command("explain", "Show tokens, sentences, removed boilerplate, actors and the rule behind each event") { text, file, date, dictionaries, dictionariesMode };
        cmd.SetAction(r => Run(ctx, r.GetValue(text), r.GetValue(file), r.GetValue(date), r.GetValue(dictionaries), r.GetValue(dictionariesMode)));
        return cmd;
    }

    public static int Run(CliContext ctx, string? text, string? file, string? dateText, string? dictionaries = null, string? dictionariesMode = "replace")
    {
        if (!Options.TryDate(dateText, ctx, out var date)) return Cli.UsageError;
        var pipeline = Inputs.Pipeline(ctx, dictionaries, dictionariesMode);
        if (pipeline is null) return Cli.UsageError;
        if (text is null && file is null)
        {
            ctx.Error.WriteLine("dyad: explain needs a TEXT argument or --file F");
            return Cli.UsageError;
        }
        int status = Cli.Ok;
        IEnumerable<ReadResult> inputs = file is not null
            ? Inputs.Reader(ctx).Read([file], date)
            : [PlainTextReader.FromText(text!, "<text>", date)];
        foreach (var r in inputs)
        {
            if (r.Error is { } e)
            {
                Options.Report(ctx, e, r.IsWarning);
                if (!r.IsWarning) status = Cli.SomeInputFailed;
            }
            if (r.Article is null) continue;
            Explainer.Explain(pipeline, r.Article, ctx.Out);
        }
        return status;
    }
}
