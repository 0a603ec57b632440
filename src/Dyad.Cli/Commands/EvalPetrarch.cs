using System.CommandLine;
using Dyad.Evaluation;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad eval petrarch RECORDS.xml [--dictionaries DIR] [--verbose]</c>: the PETRARCH validation records. To wire it,
/// yield <see cref="Create"/> from <c>EvalCommand.Extra</c>.
/// </summary>
internal static class EvalPetrarch
{
    public static Command Create(CliContext ctx)
    {
        var records = new Argument<string>("records") { Description = "PETRARCH validation records (e.g. PETR.UnitTest.records.xml)" };
        var dicts = new Option<string?>("--dictionaries") { Description = "Folder of the PETRARCH dictionaries the records name (default: Dyad's own knowledge base and patterns)" };
        var verbose = new Option<bool>("--verbose") { Description = "List every missed and spurious event with the coder's trace" };
        var cmd = new Command("petrarch", "Code PETRARCH validation records from their text; score found and spurious events per category") { records, dicts, verbose };
        cmd.SetAction(r => Run(ctx, r.GetValue(records)!, r.GetValue(dicts), r.GetValue(verbose)));
        return cmd;
    }

    public static int Run(CliContext ctx, string records, string? dictionaries, bool verbose)
    {
        if (!File.Exists(records))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(records)}");
            return Cli.SomeInputFailed;
        }
        if (dictionaries is not null && !Directory.Exists(dictionaries))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(dictionaries)}");
            return Cli.SomeInputFailed;
        }
        PetrarchEvaluation.Run(records, dictionaries, ctx.Out, verbose);
        return Cli.Ok;
    }
}
