using System.Globalization;
using Dyad.Errors;

namespace Dyad.Knowledge;

/// <summary>
/// Reads and validates the text files of the knowledge base. Every bad line is reported with its file and line; nothing
/// is built unless all lines are good. Files are read countries first (others refer to country codes), then
/// organisations, agents, people and cities, each kind in path order, so the result is the same for the same files.
/// </summary>
internal sealed class KnowledgeParser
{
    private const int MaxErrors = 200;

    private readonly List<DyadError> _errors = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    // countries
    private readonly Dictionary<string, CountryBuilder> _countries = new(StringComparer.Ordinal);
    private readonly List<CountryBuilder> _countryOrder = [];
    // organisations
    private readonly Dictionary<string, OrgBuilder> _orgs = new(StringComparer.Ordinal);
    private readonly List<OrgBuilder> _orgOrder = [];
    // agents
    private readonly List<(string Phrase, string Sector, string? Country)> _agents = [];
    // people
    private readonly Dictionary<string, PersonBuilder> _people = new(StringComparer.Ordinal);
    private readonly List<PersonBuilder> _peopleOrder = [];
    // cities
    private readonly List<City> _cities = [];

    private string _file = "";
    private int _line;

    public IReadOnlyList<DyadError> Errors => _errors;

    /// <summary>
    /// Parses and validates the files. With <paramref name="deferCities"/>, gazetteer files are read only when the
    /// cities are first asked for (a bad city line then throws <see cref="DyadException"/> at that moment).
    /// </summary>
    public static KnowledgeData Parse(IEnumerable<KnowledgeFile> files, out IReadOnlyList<DyadError> errors, bool deferCities = false)
    {
        var p = new KnowledgeParser();
        var byKind = new List<(KnowledgeFileKind Kind, KnowledgeFile File)>();
        foreach (var f in files)
        {
            var kind = KnowledgeFileKinds.Of(f.Path);
            if (kind != KnowledgeFileKind.None) byKind.Add((kind, f));
        }
        byKind.Sort(static (a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.File.Path, b.File.Path));
        var deferred = new List<KnowledgeFile>();
        foreach (var (kind, file) in byKind)
        {
            if (deferCities && kind == KnowledgeFileKind.Cities) deferred.Add(file);
            else p.ReadFile(kind, file);
        }
        p.Finish();
        errors = p._errors;
        var data = p.Build(deferred.Count == 0 ? null : () => p.ReadDeferredCities(deferred));
        return data;
    }

    private City[] ReadDeferredCities(List<KnowledgeFile> files)
    {
        int before = _errors.Count;
        foreach (var f in files) ReadFile(KnowledgeFileKind.Cities, f);
        if (_errors.Count > before) throw new DyadException(_errors[before]);
        return [.. _cities];
    }

    private void ReadFile(KnowledgeFileKind kind, KnowledgeFile file)
    {
        _file = file.Path;
        _line = 0;
        var text = file.Text.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        Span<Range> cols = stackalloc Range[12];
        foreach (var rawLine in text.EnumerateLines())
        {
            _line++;
            var line = rawLine;
            if (line.IsEmpty || line.IsWhiteSpace() || line.TrimStart()[0] == '#') continue;
            int n = line.Split(cols, '\t');
            if (n == cols.Length) { Error($"too many tab-separated columns (at most {cols.Length - 1})"); continue; }
            bool ok = true;
            for (int i = 0; i < n; i++)
            {
                var c = line[cols[i]];
                if (c.Length > 0 && (char.IsWhiteSpace(c[0]) || char.IsWhiteSpace(c[^1]))) { Error($"column {i + 1} has spaces at its start or end"); ok = false; break; }
            }
            if (!ok) continue;
            switch (kind)
            {
                case KnowledgeFileKind.Countries: CountryLine(line, cols[..n]); break;
                case KnowledgeFileKind.Organizations: OrganizationLine(line, cols[..n]); break;
                case KnowledgeFileKind.Agents: AgentLine(line, cols[..n]); break;
                case KnowledgeFileKind.People: PersonLine(line, cols[..n]); break;
                case KnowledgeFileKind.Cities: CityLine(line, cols[..n]); break;
            }
        }
    }

    // ---------------------------------------------------------------- countries

    private void CountryLine(ReadOnlySpan<char> line, ReadOnlySpan<Range> cols)
    {
        if (!Columns(cols, 3, 4, "CODE<TAB>FIELD<TAB>VALUE[<TAB>SECTOR]")) return;
        var code = line[cols[0]];
        if (code.Length != 3 || !ActorCode.IsValidSegments(code)) { Error($"'{code}' is not a three-letter country code"); return; }
        var field = line[cols[1]];
        var value = line[cols[2]];
        if (value.IsEmpty) { Error("empty value"); return; }
        var key = Intern(code);
        if (!_countries.TryGetValue(key, out var c))
        {
            c = new CountryBuilder(key, _file, _line);
            _countries.Add(key, c);
            _countryOrder.Add(c);
        }
        bool hasExtra = cols.Length == 4;
        if (field is not "seat" && hasExtra) { Error($"field '{field}' takes no fourth column"); return; }
        switch (field)
        {
            case "iso2":
                if (value.Length != 2 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])) { Error($"'{value}' is not a two-letter ISO code"); return; }
                if (c.Iso2 is not null && c.Iso2 != value.ToString()) { Error($"{key} already has iso2 {c.Iso2}"); return; }
                c.Iso2 = Intern(value);
                break;
            case "name": AddUnique(c.Names, value); break;
            case "adj": AddUnique(c.Adjectives, value); break;
            case "demonym": AddUnique(c.Demonyms, value); break;
            case "capital": AddUnique(c.Capitals, value); break;
            case "seat":
                if (!hasExtra) { Error("a seat needs a fourth column: the CAMEO sector (GOV, MIL, LEG, ...)"); return; }
                var sector = line[cols[3]];
                if (!ActorCode.IsValidSegments(sector)) { Error($"'{sector}' is not a CAMEO sector code (three upper-case letters, or several)"); return; }
                c.Seats.Add(new CountrySeat(Intern(value), Intern(sector)));
                break;
            default:
                Error($"unknown field '{field}' (expected iso2, name, adj, demonym, capital or seat)");
                break;
        }
    }

    // ---------------------------------------------------------------- organisations

    private void OrganizationLine(ReadOnlySpan<char> line, ReadOnlySpan<Range> cols)
    {
        if (!Columns(cols, 3, 3, "NAME<TAB>FIELD<TAB>VALUE")) return;
        var name = line[cols[0]];
        var field = line[cols[1]];
        var value = line[cols[2]];
        if (name.IsEmpty || value.IsEmpty) { Error("empty name or value"); return; }
        var key = Intern(name);
        if (!_orgs.TryGetValue(key, out var o))
        {
            o = new OrgBuilder(key, _file, _line);
            _orgs.Add(key, o);
            _orgOrder.Add(o);
        }
        switch (field)
        {
            case "code":
                if (!ActorCode.TryParse(value, out var code)) { Error($"'{value}' is not a CAMEO actor code"); return; }
                if (!o.Code.IsEmpty && o.Code != code) { Error($"'{key}' already has code {o.Code}"); return; }
                o.Code = code;
                break;
            case "alias": if (value.SequenceEqual(name)) { Error("alias repeats the name"); return; } AddUnique(o.Aliases, value); break;
            case "country":
                if (!_countries.ContainsKey(value.ToString())) { Error($"unknown country code '{value}'"); return; }
                o.Country = Intern(value);
                break;
            default: Error($"unknown field '{field}' (expected code, alias or country)"); break;
        }
    }

    // ---------------------------------------------------------------- agents

    private void AgentLine(ReadOnlySpan<char> line, ReadOnlySpan<Range> cols)
    {
        if (!Columns(cols, 3, 4, "PHRASE<TAB>sector<TAB>SECTOR[<TAB>COUNTRY]")) return;
        var phrase = line[cols[0]];
        var field = line[cols[1]];
        var value = line[cols[2]];
        if (phrase.IsEmpty || value.IsEmpty) { Error("empty phrase or value"); return; }
        if (field is not "sector") { Error($"unknown field '{field}' (expected sector)"); return; }
        if (!ActorCode.IsValidSegments(value)) { Error($"'{value}' is not a CAMEO sector code (three upper-case letters, or several)"); return; }
        string? country = null;
        if (cols.Length == 4)
        {
            var c = line[cols[3]];
            if (!_countries.ContainsKey(c.ToString())) { Error($"unknown country code '{c}'"); return; }
            country = Intern(c);
        }
        var entry = (Intern(phrase), Intern(value), country);
        if (_agents.Contains(entry)) { Error("duplicate agent line"); return; }
        _agents.Add(entry);
    }

    // ---------------------------------------------------------------- people

    private void PersonLine(ReadOnlySpan<char> line, ReadOnlySpan<Range> cols)
    {
        if (cols.Length < 3) { Error("expected NAME<TAB>alias<TAB>OTHER NAME or NAME<TAB>role<TAB>CODE<TAB>TITLE<TAB>START[<TAB>END]"); return; }
        var name = line[cols[0]];
        var field = line[cols[1]];
        if (name.IsEmpty) { Error("empty name"); return; }
        var key = Intern(name);
        if (!_people.TryGetValue(key, out var p))
        {
            p = new PersonBuilder(key);
            _people.Add(key, p);
            _peopleOrder.Add(p);
        }
        switch (field)
        {
            case "alias":
            case "surname":
            {
                if (!Columns(cols, 3, 3, $"NAME<TAB>{field}<TAB>VALUE")) return;
                var value = line[cols[2]];
                if (value.IsEmpty) { Error("empty value"); return; }
                if (field.SequenceEqual("alias"))
                {
                    if (value.SequenceEqual(name)) { Error("alias repeats the name"); return; }
                    AddUnique(p.Aliases, value);
                }
                else
                {
                    if (p.Surname is not null && p.Surname != value.ToString()) { Error($"'{key}' already has surname {p.Surname}"); return; }
                    p.Surname = Intern(value);
                }
                break;
            }
            case "role":
            {
                if (!Columns(cols, 5, 6, "NAME<TAB>role<TAB>CODE<TAB>TITLE<TAB>START[<TAB>END]")) return;
                var codeText = line[cols[2]];
                if (!ActorCode.TryParse(codeText, out var code)) { Error($"'{codeText}' is not a CAMEO actor code"); return; }
                var root = code.Root.ToString();
                if (!IsKnownRoot(root)) { Error($"actor code '{code}' starts with '{root}', which is not a country code or a known prefix (IGO, NGO, ...)"); return; }
                var title = line[cols[3]];
                if (title.IsEmpty) { Error("empty role title"); return; }
                if (!PartialDate.TryParse(line[cols[4]], out var start)) { Error($"start '{line[cols[4]]}' is not YYYY, YYYY-MM or YYYY-MM-DD"); return; }
                var end = PartialDate.None;
                if (cols.Length == 6 && !line[cols[5]].IsEmpty && !PartialDate.TryParse(line[cols[5]], out end)) { Error($"end '{line[cols[5]]}' is not YYYY, YYYY-MM or YYYY-MM-DD (leave it empty while current)"); return; }
                if (!end.IsNone && end.LastDay < start.FirstDay) { Error($"role ends ({end}) before it starts ({start})"); return; }
                p.Roles.Add(new PersonRole(code, Intern(title), start, end));
                break;
            }
            default:
                Error($"unknown field '{field}' (expected alias, surname or role)");
                break;
        }
    }

    // ---------------------------------------------------------------- cities

    private void CityLine(ReadOnlySpan<char> line, ReadOnlySpan<Range> cols)
    {
        if (!Columns(cols, 6, 7, "NAME<TAB>COUNTRY<TAB>LATITUDE<TAB>LONGITUDE<TAB>POPULATION<TAB>GEONAMEID[<TAB>ALIAS;ALIAS...]")) return;
        var name = line[cols[0]];
        if (name.IsEmpty) { Error("empty city name"); return; }
        var country = line[cols[1]];
        if (!_countries.ContainsKey(country.ToString())) { Error($"unknown country code '{country}'"); return; }
        if (!TryE4(line[cols[2]], 90, out int lat)) { Error($"latitude '{line[cols[2]]}' is not a number from -90 to 90 with at most 4 decimals"); return; }
        if (!TryE4(line[cols[3]], 180, out int lon)) { Error($"longitude '{line[cols[3]]}' is not a number from -180 to 180 with at most 4 decimals"); return; }
        if (!int.TryParse(line[cols[4]], NumberStyles.None, CultureInfo.InvariantCulture, out int pop)) { Error($"population '{line[cols[4]]}' is not a whole number"); return; }
        if (!int.TryParse(line[cols[5]], NumberStyles.None, CultureInfo.InvariantCulture, out int gid) || gid <= 0) { Error($"GeoNames id '{line[cols[5]]}' is not a positive whole number"); return; }
        string[] aliases = [];
        if (cols.Length == 7)
        {
            var list = new List<string>();
            foreach (var r in line[cols[6]].Split(';'))
            {
                var a = line[cols[6]][r];
                if (a.IsEmpty || a.SequenceEqual(name)) { Error("empty alias or alias equal to the name"); return; }
                list.Add(Intern(a));
            }
            aliases = [.. list];
        }
        _cities.Add(new City(_cities.Count, Intern(name), Intern(country), lat, lon, pop, gid, aliases));
    }

    /// <summary>Parses a decimal number with at most 4 decimals into an integer of ten-thousandths ("-1.5167" → -15167).</summary>
    internal static bool TryE4(ReadOnlySpan<char> s, int limit, out int value)
    {
        value = 0;
        bool negative = false;
        if (s.Length > 0 && s[0] == '-') { negative = true; s = s[1..]; }
        if (s.IsEmpty || s.Length > 12) return false;
        long whole = 0, frac = 0;
        int fracDigits = -1;
        foreach (char c in s)
        {
            if (c == '.')
            {
                if (fracDigits >= 0) return false;
                fracDigits = 0;
                continue;
            }
            if (c is < '0' or > '9') return false;
            if (fracDigits < 0) whole = whole * 10 + (c - '0');
            else if (++fracDigits > 4) return false;
            else frac = frac * 10 + (c - '0');
        }
        if (fracDigits == 0) return false; // "12." is not a number we write
        for (int i = Math.Max(fracDigits, 0); i < 4; i++) frac *= 10;
        long e4 = whole * 10000 + frac;
        if (e4 > (long)limit * 10000) return false;
        value = (int)(negative ? -e4 : e4);
        return true;
    }

    // ---------------------------------------------------------------- finish

    private void Finish()
    {
        foreach (var c in _countryOrder)
            if (c.Iso2 is null) ErrorAt(c.File, c.Line, $"country {c.Code} has no iso2 line");
        foreach (var o in _orgOrder)
            if (o.Code.IsEmpty) ErrorAt(o.File, o.Line, $"organization '{o.Name}' has no code line");
    }

    private KnowledgeData Build(Func<City[]>? deferredCities)
    {
        var countries = new Country[_countryOrder.Count];
        for (int i = 0; i < countries.Length; i++)
        {
            var c = _countryOrder[i];
            countries[i] = new Country(i, c.Code, c.Iso2 ?? "", [.. c.Names], [.. c.Adjectives], [.. c.Demonyms], [.. c.Capitals], [.. c.Seats]);
        }
        var orgs = new Organization[_orgOrder.Count];
        for (int i = 0; i < orgs.Length; i++)
        {
            var o = _orgOrder[i];
            orgs[i] = new Organization(i, o.Name, o.Code, o.Country, [.. o.Aliases]);
        }
        var agents = new Agent[_agents.Count];
        for (int i = 0; i < agents.Length; i++)
            agents[i] = new Agent(i, _agents[i].Phrase, _agents[i].Sector, _agents[i].Country);
        var people = new Person[_peopleOrder.Count];
        for (int i = 0; i < people.Length; i++)
        {
            var p = _peopleOrder[i];
            var roles = p.Roles.ToArray();
            // stable sort by start date: the order written breaks ties
            var order = new int[roles.Length];
            for (int k = 0; k < order.Length; k++) order[k] = k;
            Array.Sort(order, (a, b) => roles[a].Start != roles[b].Start ? roles[a].Start.CompareTo(roles[b].Start) : a.CompareTo(b));
            var sorted = new PersonRole[roles.Length];
            for (int k = 0; k < order.Length; k++) sorted[k] = roles[order[k]];
            people[i] = new Person(i, p.Name, p.Surname ?? Intern(DefaultSurname(p.Name)), [.. p.Aliases], sorted);
        }
        return new KnowledgeData { Countries = countries, Organizations = orgs, Agents = agents, People = people,
            LazyCities = deferredCities is null ? new Lazy<City[]>(_cities.ToArray()) : new Lazy<City[]>(deferredCities, LazyThreadSafetyMode.ExecutionAndPublication) };
    }

    /// <summary>The last word of the name, skipping generational suffixes ("Jr.", "III").</summary>
    internal static string DefaultSurname(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            var w = parts[i].TrimEnd(',');
            if (w is "Jr." or "Jr" or "Sr." or "Sr" or "II" or "III" or "IV") continue;
            return w;
        }
        return name;
    }

    // ---------------------------------------------------------------- helpers

    private bool IsKnownRoot(string root) => _countries.ContainsKey(root) || CameoPrefixes.IsNonStateRoot(root);

    private bool Columns(ReadOnlySpan<Range> cols, int min, int max, string expected)
    {
        if (cols.Length >= min && cols.Length <= max) return true;
        Error($"expected {expected}, found {cols.Length} column(s)");
        return false;
    }

    private void AddUnique(List<string> list, ReadOnlySpan<char> value)
    {
        var s = Intern(value);
        if (list.Contains(s)) { Error($"duplicate value '{s}'"); return; }
        list.Add(s);
    }

    private string Intern(ReadOnlySpan<char> s)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(s, out var existing)) return existing;
        var str = s.ToString();
        _strings.Add(str, str);
        return str;
    }

    private void Error(string detail) => ErrorAt(_file, _line, detail);

    private void ErrorAt(string file, int line, string detail)
    {
        if (_errors.Count < MaxErrors) _errors.Add(ErrorCatalog.DataFileLine(file, line, detail));
    }

    private sealed class CountryBuilder(string code, string file, int line)
    {
        public string Code { get; } = code;
        public string File { get; } = file;
        public int Line { get; } = line;
        public string? Iso2 { get; set; }
        public List<string> Names { get; } = [];
        public List<string> Adjectives { get; } = [];
        public List<string> Demonyms { get; } = [];
        public List<string> Capitals { get; } = [];
        public List<CountrySeat> Seats { get; } = [];
    }

    private sealed class OrgBuilder(string name, string file, int line)
    {
        public string Name { get; } = name;
        public string File { get; } = file;
        public int Line { get; } = line;
        public ActorCode Code { get; set; }
        public string? Country { get; set; }
        public List<string> Aliases { get; } = [];
    }

    private sealed class PersonBuilder(string name)
    {
        public string Name { get; } = name;
        public string? Surname { get; set; }
        public List<string> Aliases { get; } = [];
        public List<PersonRole> Roles { get; } = [];
    }
}

/// <summary>CAMEO roots that are not countries: international and non-governmental prefixes and regions.</summary>
public static class CameoPrefixes
{
    private static readonly HashSet<string> NonState = new(StringComparer.Ordinal)
    {
        // international, non-governmental, multinational, unidentified
        "IGO", "NGO", "NGM", "IMG", "MNC", "UIS",
        // CAMEO regions
        "AFR", "ASA", "BLK", "BLT", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MDT",
        "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "SSA", "WAF", "WEU", "WST", "CEU", "SEU", "NEU",
    };

    /// <summary>True for a non-state CAMEO root: IGO, NGO, NGM, IMG, MNC, UIS or a CAMEO region code (AFR, MEA, WST, ...).</summary>
    public static bool IsNonStateRoot(ReadOnlySpan<char> root) =>
        NonState.GetAlternateLookup<ReadOnlySpan<char>>().Contains(root);
}
