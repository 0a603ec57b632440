namespace Dyad.Knowledge;

/// <summary>What a phrase of the knowledge base names.</summary>
public enum EntryKind : byte
{
    Person,
    Organization,
    Country,
    CountryAdjective,
    Demonym,
    Seat,
    Capital,
    Agent,
    City,
}

/// <summary>A set of <see cref="EntryKind"/>s, to restrict phrase matching.</summary>
[Flags]
public enum EntryKinds
{
    None = 0,
    Person = 1 << EntryKind.Person,
    Organization = 1 << EntryKind.Organization,
    Country = 1 << EntryKind.Country,
    CountryAdjective = 1 << EntryKind.CountryAdjective,
    Demonym = 1 << EntryKind.Demonym,
    Seat = 1 << EntryKind.Seat,
    Capital = 1 << EntryKind.Capital,
    Agent = 1 << EntryKind.Agent,
    City = 1 << EntryKind.City,
    /// <summary>Everything that names a country: its names, adjectives, demonyms, capitals and seats.</summary>
    AnyCountry = Country | CountryAdjective | Demonym | Seat | Capital,
    /// <summary>All actor kinds, without the gazetteer of cities.</summary>
    Actors = Person | Organization | AnyCountry | Agent,
    All = Actors | City,
}

/// <summary>
/// One meaning of a phrase. <see cref="Code"/> is the actor code the phrase gives on its own (countries "USA", seats
/// "RUSGOV", capitals "KORGOV", organisations "IGOUNO"); it is empty for people (their code depends on the date: see
/// <see cref="KnowledgeBase.RoleOn"/>), agents (a sector only) and cities. <see cref="EntityId"/> indexes the table of
/// its kind (<see cref="KnowledgeBase.Countries"/>, <see cref="KnowledgeBase.People"/>, ...).
/// </summary>
public readonly record struct PhraseEntry(EntryKind Kind, int EntityId, ActorCode Code, string? Country, string? Sector);

/// <summary>A country or territory with the words that name it. <see cref="Code"/> is the CAMEO country code (ISO alpha-3 mostly).</summary>
public sealed class Country
{
    internal Country(int id, string code, string iso2, string[] names, string[] adjectives, string[] demonyms, string[] capitals, CountrySeat[] seats)
    {
        Id = id; Code = code; Iso2 = iso2; Names = names; Adjectives = adjectives; Demonyms = demonyms; Capitals = capitals; Seats = seats;
        ActorCode = ActorCode.Parse(code);
    }

    public int Id { get; }
    public string Code { get; }
    public ActorCode ActorCode { get; }
    public string Iso2 { get; }
    /// <summary>The first name is the usual English short name.</summary>
    public string Name => Names.Count > 0 ? Names[0] : Code;
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<string> Adjectives { get; }
    public IReadOnlyList<string> Demonyms { get; }
    public IReadOnlyList<string> Capitals { get; }
    public IReadOnlyList<CountrySeat> Seats { get; }
    public override string ToString() => $"{Code} {Name}";
}

/// <summary>A building or institution used for a country's government, military or legislature ("Kremlin" → GOV).</summary>
public readonly record struct CountrySeat(string Name, string Sector);

/// <summary>An international, non-state or national organisation with a fixed actor code.</summary>
public sealed class Organization
{
    internal Organization(int id, string name, ActorCode code, string? country, string[] aliases)
    {
        Id = id; Name = name; Code = code; Country = country; Aliases = aliases;
    }

    public int Id { get; }
    public string Name { get; }
    public ActorCode Code { get; }
    /// <summary>The country the organisation belongs to (e.g. USA for the CIA), or null for international ones.</summary>
    public string? Country { get; }
    public IReadOnlyList<string> Aliases { get; }
    public override string ToString() => $"{Code} {Name}";
}

/// <summary>An office or group word ("foreign minister", "troops") with its CAMEO sector and, for titles used by one country only, that country.</summary>
public sealed class Agent
{
    internal Agent(int id, string phrase, string sector, string? country)
    {
        Id = id; Phrase = phrase; Sector = sector; Country = country;
    }

    public int Id { get; }
    public string Phrase { get; }
    /// <summary>One or more three-letter CAMEO sector codes, e.g. "GOV" or "GOVMIL".</summary>
    public string Sector { get; }
    public string? Country { get; }
    public override string ToString() => Country is null ? $"{Phrase} ~{Sector}" : $"{Phrase} ~{Sector} ({Country})";
}

/// <summary>A person with the roles they held, each dated.</summary>
public sealed class Person
{
    internal Person(int id, string name, string surname, string[] aliases, PersonRole[] roles)
    {
        Id = id; Name = name; Surname = surname; Aliases = aliases; Roles = roles;
    }

    public int Id { get; }
    public string Name { get; }
    /// <summary>The name used on later mentions ("Blinken"; "Kim" for "Kim Jong-un").</summary>
    public string Surname { get; }
    public IReadOnlyList<string> Aliases { get; }
    /// <summary>Roles in the order of their start dates.</summary>
    public IReadOnlyList<PersonRole> Roles { get; }
    public override string ToString() => Name;
}

/// <summary>A dated role: <see cref="Code"/> (e.g. USAGOV) held as <see cref="Title"/> from <see cref="Start"/> to <see cref="End"/> (inclusive; open when current).</summary>
public sealed class PersonRole
{
    internal PersonRole(ActorCode code, string title, PartialDate start, PartialDate end)
    {
        Code = code; Title = title; Start = start; End = end;
    }

    public ActorCode Code { get; }
    public string Title { get; }
    public PartialDate Start { get; }
    /// <summary><see cref="PartialDate.None"/> while the role is current.</summary>
    public PartialDate End { get; }
    public bool IsCurrent => End.IsNone;

    /// <summary>True when <paramref name="date"/> falls in the role. Dates known only to the month or year cover the whole month or year.</summary>
    public bool IsValidOn(DateOnly date) =>
        (Start.IsNone || Start.FirstDay <= date) && (End.IsNone || date <= End.LastDay);

    public override string ToString() => $"{Code} {Title} {Start}..{End}";
}

/// <summary>A date known to the day, the month or only the year. Packed as yyyymmdd with 00 for unknown parts.</summary>
public readonly record struct PartialDate(int Year, int Month, int Day) : IComparable<PartialDate>
{
    public static PartialDate None => default;
    public bool IsNone => Year == 0;

    public DateOnly FirstDay => IsNone ? DateOnly.MinValue : new DateOnly(Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day);

    public DateOnly LastDay => IsNone ? DateOnly.MaxValue
        : Month == 0 ? new DateOnly(Year, 12, 31)
        : Day == 0 ? new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month))
        : new DateOnly(Year, Month, Day);

    internal int Packed => Year * 10000 + Month * 100 + Day;
    internal static PartialDate FromPacked(int p) => new(p / 10000, p / 100 % 100, p % 100);

    public int CompareTo(PartialDate other) => Packed.CompareTo(other.Packed);

    /// <summary>Parses YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out PartialDate date)
    {
        date = default;
        int y, m = 0, d = 0;
        if (s.Length is not (4 or 7 or 10)) return false;
        if (!TryDigits(s[..4], out y) || y < 1000) return false;
        if (s.Length >= 7)
        {
            if (s[4] != '-' || !TryDigits(s.Slice(5, 2), out m) || m is < 1 or > 12) return false;
        }
        if (s.Length == 10)
        {
            if (s[7] != '-' || !TryDigits(s.Slice(8, 2), out d) || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        }
        date = new PartialDate(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public override string ToString() =>
        IsNone ? "" : Month == 0 ? $"{Year:D4}" : Day == 0 ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}-{Month:D2}-{Day:D2}";
}

/// <summary>A populated place from the gazetteer.</summary>
public sealed class City
{
    internal City(int id, string name, string country, int latE4, int lonE4, int population, int geoNameId, string[] aliases)
    {
        Id = id; Name = name; Country = country; LatE4 = latE4; LonE4 = lonE4; Population = population; GeoNameId = geoNameId; Aliases = aliases;
    }

    public int Id { get; }
    public string Name { get; }
    /// <summary>Other names of the place: ASCII spellings of accented names, and common short forms ("New York").</summary>
    public IReadOnlyList<string> Aliases { get; }
    /// <summary>CAMEO country code (ISO alpha-3).</summary>
    public string Country { get; }
    internal int LatE4 { get; }
    internal int LonE4 { get; }
    public double Latitude => LatE4 / 10000.0;
    public double Longitude => LonE4 / 10000.0;
    public int Population { get; }
    public int GeoNameId { get; }
    public override string ToString() => $"{Name} ({Country})";
}
