using System.CommandLine;
using Dyad.Syntax.Training;

namespace Dyad.Cli;

/// <summary><c>dyad train tagger|parser --train F --dev F [--iterations N] [--seed S] --out M</c></summary>
internal static class TrainCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("train", "Train a model (deterministic: the same seed gives the same bytes)");
        cmd.Subcommands.Add(Make(ctx, "tagger", "Train the part-of-speech tagger and lemmatizer"));
        cmd.Subcommands.Add(Make(ctx, "parser", "Train the dependency parser"));
        return cmd;
    }

    private static Command Make(CliContext ctx, string what, string description)
    {
        var train = new Option<string>("--train") { Description = "Training CoNLL-U file", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Development CoNLL-U file (scores reported each run)" };
        var iterations = new Option<int?>("--iterations") { Description = "Training passes" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1UL };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var cmd = new Command(what, description) { train, dev, iterations, seed, output };
        cmd.SetAction(r =>
        {
            string trainPath = r.GetValue(train)!, outPath = r.GetValue(output)!;
            string? devPath = r.GetValue(dev);
            foreach (var p in new[] { trainPath, devPath })
            {
                if (p is not null && !File.Exists(p))
                {
                    ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(p)}");
                    return Cli.UsageError;
                }
            }
            int? n = r.GetValue(iterations);
            ulong s = r.GetValue(seed);
            if (what == "tagger")
            {
                var t = new TaggerTrainer { Iterations = n ?? 10, Seed = s };
                t.Train(trainPath, devPath, outPath, ctx.Error);
            }
            else
            {
                var p = new ParserTrainer { Iterations = n ?? 15, Seed = s };
                p.Train(trainPath, devPath, outPath, ctx.Error);
            }
            ctx.Error.WriteLine($"dyad: wrote {outPath}");
            return Cli.Ok;
        });
        return cmd;
    }
}
