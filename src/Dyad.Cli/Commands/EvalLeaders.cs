using System.CommandLine;
using System.Globalization;
using Dyad.Evaluation;
using Dyad.Knowledge;

namespace Dyad.Cli;

/// <summary><c>dyad eval leaders [--country XXX] [--until DATE]</c>: how completely the knowledge base's dated roles
/// cover heads of state and government since 1990 and foreign and defence ministers since 2000.</summary>
internal static class EvalLeaders
{
    public static Command Create(CliContext ctx)
    {
        var country = new Option<string?>("--country") { Description = "List the gaps of this state only (ISO alpha-3, e.g. NGA)" };
        var until = new Option<string>("--until")
        {
            Description = "Last day checked (YYYY-MM-DD; default: the day the knowledge base's officeholders were last checked)",
            DefaultValueFactory = _ => KnowledgeBase.PeopleCheckedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var quiet = new Option<bool>("--summary") { Description = "Print the totals only, not each gap" };
        var cmd = new Command("leaders", "Coverage of heads of state and government (since 1990) and foreign and defence ministers (since 2000) in the knowledge base")
            { country, until, quiet };
        cmd.SetAction(r =>
        {
            if (!DateOnly.TryParseExact(r.GetValue(until), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
            {
                ctx.Error.WriteLine($"dyad: error: --until '{r.GetValue(until)}' is not a date (expected YYYY-MM-DD)");
                return Cli.UsageError;
            }
            string? only = r.GetValue(country);
            if (only is not null && !LeaderCoverage.LoadStates().Any(st => st.Code.Equals(only, StringComparison.OrdinalIgnoreCase)))
            {
                ctx.Error.WriteLine($"dyad: error: --country '{only}' is not one of the states checked (ISO alpha-3 codes in data/actors/states.tsv)");
                return Cli.UsageError;
            }
            LeaderCoverage.Run(KnowledgeBase.Default, ctx.Out, last, only, listGaps: !r.GetValue(quiet));
            return Cli.Ok;
        });
        return cmd;
    }
}
