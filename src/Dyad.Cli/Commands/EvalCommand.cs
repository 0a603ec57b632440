using System.CommandLine;
using Dyad.Evaluation;
using Dyad.Syntax;

namespace Dyad.Cli;

/// <summary><c>dyad eval ud|extraction|ner|petrarch ...</c>: the field's standard scores.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("eval", "Score Dyad on a standard test set");
        cmd.Subcommands.Add(Ud(ctx));
        cmd.Subcommands.Add(Extraction(ctx));
        foreach (var extra in Extra(ctx)) cmd.Subcommands.Add(extra);
        return cmd;
    }

    /// <summary>Evaluations contributed by other parts of the program (NER, PETRARCH, knowledge-base coverage).</summary>
    private static IEnumerable<Command> Extra(CliContext ctx)
    {
        yield return EvalPetrarchCommand.Create(ctx);
        yield return EvalNer.Create(ctx);
        yield return EvalLeaders.Create(ctx);
    }

    private static Command Ud(CliContext ctx)
    {
        var gold = new Argument<string>("gold") { Description = "Gold CoNLL-U file (e.g. en_ewt-ud-test.conllu)" };
        var tagger = new Option<string?>("--tagger") { Description = "Tagger model file (default: the embedded model)" };
        var parser = new Option<string?>("--parser") { Description = "Parser model file (default: the embedded model)" };
        var cmd = new Command("ud", "Tag and parse gold-tokenized sentences; score UPOS, UAS, LAS like the CoNLL 2018 evaluator") { gold, tagger, parser };
        cmd.SetAction(r =>
        {
            string path = r.GetValue(gold)!;
            if (!File.Exists(path))
            {
                ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(path)}");
                return Cli.SomeInputFailed;
            }
            string? t = r.GetValue(tagger), p = r.GetValue(parser);
            var models = t is null && p is null ? SyntaxModels.LoadDefault()
                : new SyntaxModels(t is null ? Tagger.LoadDefault() : Tagger.Load(t), p is null ? DependencyParser.LoadDefault() : DependencyParser.Load(p));
            UdEvaluation.Evaluate(models, path, ctx.Out);
            return Cli.Ok;
        });
        return cmd;
    }

    private static Command Extraction(CliContext ctx)
    {
        var dir = new Argument<string>("dir") { Description = "The article-extraction benchmark folder (ground-truth.json and html/)" };
        var worst = new Option<int>("--worst") { Description = "List this many worst pages", DefaultValueFactory = _ => 10 };
        var cmd = new Command("extraction", "Score HTML main-content extraction (token precision, recall, F1 averaged over pages)") { dir, worst };
        cmd.SetAction(r =>
        {
            string path = r.GetValue(dir)!;
            if (!Directory.Exists(path))
            {
                ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(path)}");
                return Cli.SomeInputFailed;
            }
            ExtractionEvaluation.Run(path, ctx.Out, r.GetValue(worst));
            return Cli.Ok;
        });
        return cmd;
    }
}
