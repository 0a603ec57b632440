namespace Dyad.Knowledge;

/// <summary>
/// Kinds of office told from a role's title, as the knowledge base writes them (data/actors/README.md): heads of state
/// and government, foreign ministers, defence ministers. Used to measure coverage and to weigh how well known an
/// officeholder is.
/// </summary>
public static class OfficeTitles
{
    private static readonly string[] LeaderTitles =
        [
            "President", "Prime Minister", "Monarch", "King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke", "Prince", "Supreme Leader",
            "Chancellor", "Premier", "Taoiseach", "Head of State", "Head of Government", "Chief Executive", "Chief Adviser", "State Counsellor",
        ];

    /// <summary>True for the titles of heads of state and government, optionally "Acting ", "Interim " or "Caretaker ".</summary>
    public static bool IsLeader(string title)
    {
        ReadOnlySpan<char> t = title;
        if (t.StartsWith("Acting ", StringComparison.Ordinal)) t = t[7..];
        else if (t.StartsWith("Interim ", StringComparison.Ordinal)) t = t[8..];
        else if (t.StartsWith("Caretaker ", StringComparison.Ordinal)) t = t[10..];
        foreach (string s in LeaderTitles)
            if (t.SequenceEqual(s)) return true;
        return false;
    }

    /// <summary>A head of state's or government's role: the state's government code (XXXGOV) and a leader title.</summary>
    public static bool IsLeaderRole(PersonRole role) =>
        role.Code.Value.Length == 6 && role.Code.Value.EndsWith("GOV", StringComparison.Ordinal) && IsLeader(role.Title);

    /// <summary>True for a foreign minister's title ("Minister of Foreign Affairs", "Foreign Secretary", India's
    /// "Minister of External Affairs", the U.S. "Secretary of State"), not a deputy's or a junior minister's.</summary>
    public static bool IsForeignMinister(string title) =>
        IsSenior(title) && (title.Contains("Foreign", StringComparison.Ordinal) || title.Contains("External Affairs", StringComparison.Ordinal)
                            || title.Contains("International Relations", StringComparison.Ordinal)
                            || title is "Secretary of State" or "Acting Secretary of State");

    /// <summary>True for a defence minister's title ("Minister of Defence", "Secretary of Defense", ...).</summary>
    public static bool IsDefenceMinister(string title) =>
        title is "Minister of State for Defense" or "Minister of State for Defence Affairs"   // Japan 2001-07, Qatar: the cabinet post
        || (IsSenior(title) && (title.Contains("Defence", StringComparison.Ordinal) || title.Contains("Defense", StringComparison.Ordinal)
                                || title is "Minister of the Armed Forces" or "Minister of Armed Forces"));

    private static bool IsSenior(string title) =>
        !(title.StartsWith("Deputy", StringComparison.Ordinal) || title.StartsWith("Vice", StringComparison.Ordinal)
          || title.StartsWith("Minister of State", StringComparison.Ordinal) || title.StartsWith("State Secretary", StringComparison.Ordinal)
          || title.StartsWith("Under", StringComparison.Ordinal) || title.StartsWith("Assistant", StringComparison.Ordinal)
          || title.StartsWith("Parliamentary", StringComparison.Ordinal) || title.StartsWith("Shadow", StringComparison.Ordinal)
          || title.Contains("Committee", StringComparison.Ordinal) || title.Contains("Spokes", StringComparison.Ordinal));

    /// <summary>A head of state or government, or the foreign minister, of a G20 state on the date: people known well
    /// enough that their surname alone names them in international news ("Blinken", "Lavrov").</summary>
    public static bool IsProminent(PersonRole role)
    {
        var code = role.Code.Value;
        if (code.Length < 3 || Array.IndexOf(G20, code[..3]) < 0) return false;
        return IsLeader(role.Title) || IsForeignMinister(role.Title);
    }

    /// <summary>The member states of the G20.</summary>
    public static readonly string[] G20 =
        ["USA", "GBR", "FRA", "DEU", "RUS", "CHN", "JPN", "IND", "BRA", "CAN", "ITA", "KOR", "MEX", "AUS", "TUR", "SAU", "ZAF", "IDN", "ARG"];
}
