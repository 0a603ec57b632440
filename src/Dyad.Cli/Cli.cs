using System.CommandLine;

namespace Dyad.Cli;

/// <summary>The command line: parses arguments and calls the library. Commands write to the given writers so tests run them in-process.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int SomeInputFailed = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? stdin = null)
    {
        var ctx = new CliContext(stdout, stderr, stdin ?? Console.OpenStandardInput);
        var root = new Command("dyad", "Dyad: who did what to whom — CAMEO/PLOVER political event data from news text.");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(CodeCommand.Create(ctx));
        root.Subcommands.Add(IngestCommand.Create(ctx));
        root.Subcommands.Add(EventsCommand.Create(ctx));
        root.Subcommands.Add(ExplainCommand.Create(ctx));
        root.Subcommands.Add(BenchCommand.Create(ctx));
        root.Subcommands.Add(ActorCommand.Create(ctx));
        root.Subcommands.Add(ExtractCommand.Create(ctx));
        root.Subcommands.Add(EvalCommand.Create(ctx));
        root.Subcommands.Add(TrainCommand.Create(ctx));
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Errors.DyadException e)
        {
            stderr.WriteLine($"dyad: error: {e.Error}");
            return SomeInputFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Xml.XmlException)
        {
            // A command's input could not be read as expected (a folder without the files an evaluation needs, say).
            stderr.WriteLine($"dyad: error: {e.Message}");
            return SomeInputFailed;
        }
    }
}

/// <summary>The streams a command talks to.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> Stdin)
{
    /// <summary>Whether standard error is an interactive terminal (progress is shown only then).</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;
}
