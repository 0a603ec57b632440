using System.CommandLine;
using System.Globalization;
using Dyad.Documents;
using Dyad.Processing;

namespace Dyad.Cli;

/// <summary><c>dyad bench PATH...</c>: codes the inputs in one process and prints throughput.</summary>
internal static class BenchCommand
{
    public static Command Create(CliContext ctx)
    {
        var paths = Options.Paths();
        var threads = new Option<int>("--threads") { Description = "Worker threads (default 1, to measure one core)", DefaultValueFactory = _ => 1 };
        var repeat = new Option<int>("--repeat") { Description = "Code the inputs this many times (after one warm-up pass)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("bench", "Measure end-to-end coding throughput") { paths, threads, repeat };
        cmd.SetAction(r => Run(ctx, r.GetValue(paths)!, r.GetValue(threads), r.GetValue(repeat)));
        return cmd;
    }

    public static int Run(CliContext ctx, string[] paths, int threads, int repeat)
    {
        // Read everything first so the measurement is coding, not disk.
        var articles = new List<Article>();
        long failed = 0;
        foreach (var r in Inputs.Reader(ctx).Read(paths, null))
        {
            if (r.Error is { } e)
            {
                Options.Report(ctx, e, r.IsWarning);
                if (!r.IsWarning) failed++;
            }
            if (r.Article is not null) articles.Add(r.Article);
        }
        var pipeline = DyadEngine.Default;
        // Warm-up: load data and models, let the JIT compile hot paths.
        var runner = new BatchRunner(pipeline, threads);
        runner.Run(Wrap(articles, Math.Min(articles.Count, 200)), _ => { }, (_, _) => { });
        long events = 0, sentences = 0, tokens = 0, done = 0;
        pipeline.MeasureComponents(true);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < Math.Max(1, repeat); i++)
        {
            var s = runner.Run(Wrap(articles, articles.Count), _ => { }, (_, _) => { });
            events += s.Events;
            sentences += s.Sentences;
            tokens += s.Tokens;
            done += s.Articles;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        pipeline.MeasureComponents(false);
        var ci = CultureInfo.InvariantCulture;
        foreach (var (name, secs) in pipeline.ComponentSeconds())
            ctx.Out.WriteLine(string.Create(ci, $"bench: component {name,-10} {secs,8:F3} s"));
        foreach (var c in pipeline.Components)
        {
            if (c is Syntax.SyntaxComponent sc)
                ctx.Out.WriteLine(string.Create(ci, $"bench: parsed {sc.ParsedSentences} sentences (warm-up included), skipped the rest: they cannot yield an event"));
        }
        // Process CPU time (all threads, GC and JIT included) is steadier than the wall clock on a loaded machine.
        ctx.Out.WriteLine(string.Create(ci, $"bench: cpu-seconds {cpu:F3} sentences per cpu-second {sentences / cpu:F1}"));
        ctx.Out.WriteLine(string.Create(ci, $"bench: threads {runner.Threads}, tokens {tokens}, events {events}, tokens/s {tokens / seconds:F0}"));
        ctx.Out.WriteLine(string.Create(ci,
            $"bench: articles {done} sentences {sentences} seconds {seconds:F3} articles/s {done / seconds:F1} sentences/s {sentences / seconds:F1}"));
        return failed > 0 ? Cli.SomeInputFailed : Cli.Ok;
    }

    private static IEnumerable<Reading.ReadResult> Wrap(List<Article> articles, int count)
    {
        for (int i = 0; i < count; i++) yield return Reading.ReadResult.Ok(articles[i]);
    }
}
