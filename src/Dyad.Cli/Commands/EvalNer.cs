using System.CommandLine;

namespace Dyad.Cli;

/// <summary><c>dyad eval ner DIR</c>: named-entity precision, recall and F1 on GUM news documents.</summary>
internal static class EvalNer
{
    public static Command Create(CliContext ctx)
    {
        var dir = new Argument<string>("dir") { Description = "The GUM Wikinews folder (coref/ with .tsv or .conll files)" };
        var cmd = new Command("ner", "Score person, organisation and place mentions against GUM news documents") { dir };
        cmd.SetAction(r =>
        {
            string path = r.GetValue(dir)!;
            if (!Directory.Exists(path))
            {
                ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(path)}");
                return Cli.SomeInputFailed;
            }
            Evaluation.NerEvaluation.Run(path, ctx.Out);
            return Cli.Ok;
        });
        return cmd;
    }
}
