using System.CommandLine;

namespace Dyad.Cli;

/// <summary><c>dyad eval petrarch RECORDS.xml [--dictionaries DIR]</c>: the PETRARCH validation suite.</summary>
internal static class EvalPetrarchCommand
{
    public static Command Create(CliContext ctx)
    {
        var records = new Argument<string>("records") { Description = "PETRARCH validation records (XML)" };
        var dictionaries = new Option<string?>("--dictionaries") { Description = "Folder of PETRARCH dictionaries to code with (default: Dyad's own knowledge base and patterns)" };
        var verbose = new Option<bool>("--verbose") { Description = "List every record that was not coded as expected" };
        var cmd = new Command("petrarch", "Code the records' texts and compare with their expected events") { records, dictionaries, verbose };
        cmd.SetAction(r =>
        {
            string path = r.GetValue(records)!;
            if (!File.Exists(path))
            {
                ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(path)}");
                return Cli.SomeInputFailed;
            }
            string? dir = r.GetValue(dictionaries);
            if (dir is not null && !Directory.Exists(dir))
            {
                ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(dir)}");
                return Cli.SomeInputFailed;
            }
            Evaluation.PetrarchEvaluation.Run(path, dir, ctx.Out, r.GetValue(verbose));
            return Cli.Ok;
        });
        return cmd;
    }
}
