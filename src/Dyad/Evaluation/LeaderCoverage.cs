using System.Globalization;
using Dyad.Knowledge;
using Dyad.Util;

namespace Dyad.Evaluation;

/// <summary>A state the knowledge base should cover, from data/actors/states.tsv: its code and the days it existed.</summary>
public readonly record struct CoveredState(string Code, DateOnly From, DateOnly Until);

/// <summary>Coverage of one office kind over a set of states: months with an officeholder / months the states existed.</summary>
public sealed record OfficeCoverage(string Office, int States, int Months, int CoveredMonths, int CompleteStates,
    IReadOnlyDictionary<string, IReadOnlyList<(DateOnly From, DateOnly To)>> Gaps)
{
    public double Percent => Months == 0 ? 0 : 100.0 * CoveredMonths / Months;
}

/// <summary>
/// How completely the knowledge base's dated roles cover the offices issue 4 asks for: a head of state or of
/// government of every state since 1990, and foreign and defence ministers since 2000 for the G20 and the countries
/// most present in international news. Each state is checked on the first day of every month it existed; a month is
/// covered when some person holds a role of the office's kind with the state's code on that day. The result names
/// each gap, so the data can be completed where it is short.
/// <para>A role counts as a leader's when its code is the state's government (<c>XXXGOV</c>) and its title is one of
/// the knowledge base's leader titles (<see cref="IsLeaderTitle"/>); as a foreign or defence minister's when its code
/// starts with the state's code and its title names the office (<see cref="IsForeignMinisterTitle"/>,
/// <see cref="IsDefenceMinisterTitle"/>).</para>
/// </summary>
public static class LeaderCoverage
{
    /// <summary>G20 member states, then the 60 states most present in international news (issue 4's list).</summary>
    public static readonly IReadOnlyList<string> MinisterStates =
    [
        "USA", "GBR", "FRA", "DEU", "RUS", "CHN", "JPN", "IND", "BRA", "CAN", "ITA", "KOR", "MEX", "AUS", "TUR", "SAU", "ZAF", "IDN", "ARG",
        "UKR", "ISR", "IRN", "PAK", "AFG", "IRQ", "SYR", "EGY", "PSE", "LBN", "JOR", "QAT", "ARE", "KWT", "YEM", "PRK", "TWN", "VNM", "PHL",
        "THA", "MYS", "SGP", "MMR", "BGD", "LKA", "NPL", "KAZ", "UZB", "GEO", "ARM", "AZE", "BLR", "POL", "ESP", "NLD", "BEL", "SWE", "NOR",
        "FIN", "DNK", "CHE", "AUT", "GRC", "HUN", "CZE", "ROU", "SRB", "NGA", "ETH", "KEN", "LBY", "SDN", "DZA", "MAR", "VEN", "COL", "CHL",
        "CUB", "NZL", "IRL", "PRT",
    ];

    private static readonly string[] LeaderTitles =
        ["President", "Prime Minister", "Monarch", "Supreme Leader", "Chancellor", "Premier", "Taoiseach", "Head of State", "Head of Government"];

    /// <summary>True for the titles of heads of state and government, optionally "Acting " or "Interim ".</summary>
    public static bool IsLeaderTitle(string title)
    {
        ReadOnlySpan<char> t = title;
        if (t.StartsWith("Acting ", StringComparison.Ordinal)) t = t[7..];
        else if (t.StartsWith("Interim ", StringComparison.Ordinal)) t = t[8..];
        foreach (string s in LeaderTitles)
            if (t.SequenceEqual(s)) return true;
        return false;
    }

    /// <summary>A head of state's or government's role: the state's government code (XXXGOV) and a leader title.</summary>
    public static bool IsLeaderRole(PersonRole role) =>
        role.Code.Value.Length == 6 && role.Code.Value.EndsWith("GOV", StringComparison.Ordinal) && IsLeaderTitle(role.Title);

    /// <summary>True for a foreign minister's title ("Minister of Foreign Affairs", "Foreign Secretary", India's
    /// "Minister of External Affairs", the U.S. "Secretary of State"), not a deputy's or a junior minister's.</summary>
    public static bool IsForeignMinisterTitle(string title) =>
        IsSenior(title) && (title.Contains("Foreign", StringComparison.Ordinal) || title.Contains("External Affairs", StringComparison.Ordinal)
                            || title is "Secretary of State" or "Acting Secretary of State");

    /// <summary>True for a defence minister's title ("Minister of Defence", "Secretary of Defense", ...).</summary>
    public static bool IsDefenceMinisterTitle(string title) =>
        IsSenior(title) && (title.Contains("Defence", StringComparison.Ordinal) || title.Contains("Defense", StringComparison.Ordinal));

    private static bool IsSenior(string title) =>
        !(title.StartsWith("Deputy", StringComparison.Ordinal) || title.StartsWith("Vice", StringComparison.Ordinal)
          || title.StartsWith("Minister of State", StringComparison.Ordinal) || title.StartsWith("State Secretary", StringComparison.Ordinal)
          || title.StartsWith("Under", StringComparison.Ordinal) || title.StartsWith("Assistant", StringComparison.Ordinal)
          || title.StartsWith("Parliamentary", StringComparison.Ordinal) || title.StartsWith("Shadow", StringComparison.Ordinal)
          || title.Contains("Committee", StringComparison.Ordinal) || title.Contains("Spokes", StringComparison.Ordinal));

    /// <summary>Reads the states list (data/actors/states.tsv, embedded).</summary>
    public static IReadOnlyList<CoveredState> LoadStates() => ParseStates(EmbeddedData.ReadLines("actors/states.tsv"));

    /// <summary>Parses <c>CODE&lt;TAB&gt;FROM&lt;TAB&gt;UNTIL</c> lines (dates YYYY-MM-DD or empty; '#' comments).</summary>
    public static IReadOnlyList<CoveredState> ParseStates(IEnumerable<string> lines)
    {
        var list = new List<CoveredState>();
        int n = 0;
        foreach (string line in lines)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            string[] c = line.Split('\t');
            if (c.Length < 1 || c[0].Length != 3) throw new FormatException($"states.tsv line {n}: expected CODE<TAB>FROM<TAB>UNTIL");
            list.Add(new CoveredState(c[0], ParseDay(c, 1, DateOnly.MinValue, n), ParseDay(c, 2, DateOnly.MaxValue, n)));
        }
        return list;
    }

    private static DateOnly ParseDay(string[] c, int i, DateOnly absent, int line) =>
        c.Length <= i || c[i].Length == 0 ? absent
        : DateOnly.TryParseExact(c[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new FormatException($"states.tsv line {line}: bad date '{c[i]}' (expected YYYY-MM-DD)");

    /// <summary>Coverage of one office kind: each state on the first day of each month from <paramref name="from"/>
    /// to <paramref name="to"/> that it existed.</summary>
    public static OfficeCoverage Measure(KnowledgeBase kb, string office, IEnumerable<CoveredState> states,
        Func<PersonRole, bool> holds, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(kb);
        // Roles by state code, found once: a role belongs to the state its code starts with.
        var byState = new Dictionary<string, List<PersonRole>>(StringComparer.Ordinal);
        var stateList = states.ToList();
        foreach (var s in stateList) byState[s.Code] = [];
        foreach (var person in kb.People)
            foreach (var role in person.Roles)
            {
                string code = role.Code.Value;
                if (code.Length >= 3 && byState.TryGetValue(code[..3], out var list) && holds(role))
                    list.Add(role);
            }

        int months = 0, covered = 0, complete = 0;
        var gaps = new SortedDictionary<string, IReadOnlyList<(DateOnly, DateOnly)>>(StringComparer.Ordinal);
        foreach (var state in stateList)
        {
            var roles = byState[state.Code];
            var stateGaps = new List<(DateOnly, DateOnly)>();
            DateOnly? gapStart = null, last = null;
            for (var day = new DateOnly(from.Year, from.Month, 1); day <= to; day = day.AddMonths(1))
            {
                if (day < state.From || day > state.Until) continue;
                months++;
                bool ok = false;
                foreach (var r in roles)
                    if (r.IsValidOn(day)) { ok = true; break; }
                if (ok)
                {
                    covered++;
                    if (gapStart is { } g) { stateGaps.Add((g, last!.Value)); gapStart = null; }
                }
                else gapStart ??= day;
                last = day;
            }
            if (gapStart is { } open) stateGaps.Add((open, last!.Value));
            if (stateGaps.Count == 0) complete++;
            else gaps[state.Code] = stateGaps;
        }
        return new OfficeCoverage(office, stateList.Count, months, covered, complete, gaps);
    }

    /// <summary>Measures the three offices and writes a table of gaps (states filtered by <paramref name="only"/> when
    /// given) and the last line <c>leaders: states N covered X% complete K ministers: states M foreign Y% defence Z%</c>.</summary>
    public static (OfficeCoverage Leaders, OfficeCoverage Foreign, OfficeCoverage Defence) Run(KnowledgeBase kb, TextWriter output,
        DateOnly until, string? only = null, bool listGaps = true)
    {
        var states = LoadStates();
        var leaders = Measure(kb, "heads of state or government", states, IsLeaderRole,
            new DateOnly(1990, 1, 1), until);
        var ministerStates = new List<CoveredState>();
        foreach (var s in states)
            if (MinisterStates.Contains(s.Code)) ministerStates.Add(s);
        var foreign = Measure(kb, "foreign minister", ministerStates, r => IsForeignMinisterTitle(r.Title), new DateOnly(2000, 1, 1), until);
        var defence = Measure(kb, "defence minister", ministerStates, r => IsDefenceMinisterTitle(r.Title), new DateOnly(2000, 1, 1), until);

        if (listGaps)
            foreach (var c in new[] { leaders, foreign, defence })
                foreach (var (code, list) in c.Gaps)
                {
                    if (only is not null && !string.Equals(only, code, StringComparison.OrdinalIgnoreCase)) continue;
                    output.Write($"gap\t{c.Office}\t{code}\t");
                    output.WriteLine(string.Join(", ", list.Select(g => g.From == g.To ? $"{g.From:yyyy-MM}" : $"{g.From:yyyy-MM}..{g.To:yyyy-MM}")));
                }
        foreach (var c in new[] { leaders, foreign, defence })
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Office}: states {c.States} months {c.Months} covered {c.CoveredMonths} ({c.Percent:F1}%) complete {c.CompleteStates}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"leaders: states {leaders.States} covered {leaders.Percent:F1}% complete {leaders.CompleteStates} ministers: states {foreign.States} foreign {foreign.Percent:F1}% defence {defence.Percent:F1}%"));
        return (leaders, foreign, defence);
    }
}
