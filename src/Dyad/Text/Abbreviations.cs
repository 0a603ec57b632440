using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>Abbreviations that keep their period, and which of them may also end a sentence.</summary>
internal static class Abbreviations
{
    // Words written with a final period that is part of the word. Titles and months never end a sentence here.
    private static readonly FrozenSet<string> NeverFinal = new[]
    {
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Cmdr", "Adm",
        "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon", "Pres", "Amb", "Atty", "Supt", "Insp", "Det", "Fr", "Sr", "St", "Mt", "Ft",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "No", "Nos", "vs", "v", "Vol", "pp", "Ave", "Blvd", "Rd", "Hwy", "Dept", "Univ", "Assn", "approx", "est", "fig", "Fig",
        "Gov't", "Govt", "Ald", "Comdr", "Cdr", "Lieut", "Mme", "Mlle", "Msgr", "Pte", "Rt", "Sgt.Maj", "Calif", "Fla", "Ariz", "Colo",
        "Conn", "Mass", "Mich", "Minn", "Penn", "Tenn", "Wash", "Wis", "Ky", "La", "Md", "Mo", "Nev", "Okla", "Ore", "Va", "Vt", "Ala", "Ark",
        "Del", "Ga", "Ill", "Ind", "Kan", "Miss", "Neb", "Wyo",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MaybeFinal = new[]
    {
        "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "etc", "al", "Plc", "plc", "LLC", "Cos",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether "<paramref name="stem"/>." is one word (the period belongs to it).</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> stem)
    {
        if (stem.IsEmpty) return false;
        if (stem.Length == 1 && char.IsLetter(stem[0])) return true; // initials: J. Blinken
        if (IsDotted(stem)) return true; // U.S, U.N, e.g, a.m, Ph.D
        var lookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(stem)) return true;
        return MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem);
    }

    /// <summary>Whether a word with its period can never be the last of a sentence (titles, months, initials).</summary>
    public static bool NeverEndsSentence(ReadOnlySpan<char> wordWithPeriod)
    {
        var stem = wordWithPeriod.EndsWith('.') ? wordWithPeriod[..^1] : wordWithPeriod;
        if (stem.Length == 1 && char.IsUpper(stem[0])) return true;
        return NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(stem);
    }

    /// <summary>Letters separated by periods: U.S (the final period excluded), e.g, Ph.D.</summary>
    private static bool IsDotted(ReadOnlySpan<char> stem)
    {
        if (stem.IndexOf('.') < 0) return false;
        foreach (char c in stem)
        {
            if (c != '.' && !char.IsLetter(c)) return false;
        }
        // every period-separated part short
        int run = 0;
        foreach (char c in stem)
        {
            if (c == '.') run = 0;
            else if (++run > 3) return false;
        }
        return true;
    }

    /// <summary>Capitalized words that usually start a sentence, so an abbreviation before them closes it ("in the U.S. The").</summary>
    public static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "In", "On", "At",
        "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "Earlier", "Later", "Last", "Both", "His", "Her", "Its", "Their",
        "Our", "My", "After", "Before", "While", "When", "If", "As", "Since", "Although", "Though", "Many", "Some", "Officials",
        "According", "Asked", "For", "From", "With", "Without", "Under", "During", "By", "Not", "No", "One", "Two", "Such", "Still",
    }.ToFrozenSet(StringComparer.Ordinal);
}
