using System.Diagnostics;
using Dyad.Errors;

namespace Dyad.Knowledge;

/// <summary>
/// The actor knowledge base: countries, organisations, agents (office and group words), people with dated roles and a
/// gazetteer of cities, with a longest-match phrase dictionary over all their names. Immutable once built and safe to
/// share between threads.
/// <para>Build it from the embedded data (<see cref="Default"/>, <see cref="FromEmbedded"/>), from a data folder
/// laid over the embedded data (<see cref="FromDirectory"/>), from any files (<see cref="Build"/>), or load a compiled
/// binary (<see cref="Load"/>) written by <see cref="Compile"/>.</para>
/// </summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> LazyDefault = new(FromEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly KnowledgeData _data;
    private readonly PhraseIndex _phrases;
    private readonly Dictionary<string, int> _countryByCode;          // ISO3 / CAMEO code and ISO2
    private readonly Dictionary<string, int[]> _peopleByName;         // full names and aliases, any case
    private readonly Dictionary<string, int[]> _peopleBySurname;      // any case
    private readonly Dictionary<string, int[]> _orgsByName;           // names and aliases, exact case first
    private readonly Dictionary<string, int[]> _orgsByCode;
    private readonly Lazy<(PhraseIndex Phrases, Dictionary<string, int[]> ByName)> _gazetteer; // built on first use
    private readonly Dictionary<string, int[]> _agentsByPhrase;       // any case

    private KnowledgeBase(KnowledgeData data, TimeSpan buildTime)
    {
        var sw = Stopwatch.StartNew();
        _data = data;
        _countryByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in data.Countries)
        {
            _countryByCode.TryAdd(c.Code, c.Id);
            if (c.Iso2.Length == 2) _countryByCode.TryAdd(c.Iso2, c.Id);
        }

        var pb = new PhraseIndex.Builder();
        foreach (var c in data.Countries)
        {
            var code = c.ActorCode;
            foreach (var n in c.Names) pb.Add(n, new PhraseEntry(EntryKind.Country, c.Id, code, c.Code, null));
            foreach (var n in c.Adjectives) pb.Add(n, new PhraseEntry(EntryKind.CountryAdjective, c.Id, code, c.Code, null));
            foreach (var n in c.Demonyms) pb.Add(n, new PhraseEntry(EntryKind.Demonym, c.Id, code, c.Code, null));
            var gov = code.Append("GOV");
            foreach (var n in c.Capitals) pb.Add(n, new PhraseEntry(EntryKind.Capital, c.Id, gov, c.Code, "GOV"));
            foreach (var s in c.Seats) pb.Add(s.Name, new PhraseEntry(EntryKind.Seat, c.Id, code.Append(s.Sector), c.Code, s.Sector));
        }

        _orgsByName = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        _orgsByCode = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var orgNames = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var orgCodes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var o in data.Organizations)
        {
            var country = o.Country ?? (o.Code.Length >= 3 && _countryByCode.ContainsKey(o.Code.Root.ToString()) ? o.Code.Value[..3] : null);
            string? sector = o.Code.Length > 3 ? o.Code.Value[3..] : null;
            var entry = new PhraseEntry(EntryKind.Organization, o.Id, o.Code, country is null ? null : string.Intern(country), sector is null ? null : string.Intern(sector));
            pb.Add(o.Name, entry);
            Add(orgNames, o.Name, o.Id);
            foreach (var a in o.Aliases) { pb.Add(a, entry); Add(orgNames, a, o.Id); }
            Add(orgCodes, o.Code.Value, o.Id);
        }
        Freeze(orgNames, _orgsByName);
        Freeze(orgCodes, _orgsByCode);

        _agentsByPhrase = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        var agentPhrases = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in data.Agents)
        {
            pb.Add(a.Phrase, new PhraseEntry(EntryKind.Agent, a.Id, default, a.Country, a.Sector));
            Add(agentPhrases, a.Phrase, a.Id);
        }
        Freeze(agentPhrases, _agentsByPhrase);

        _peopleByName = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        _peopleBySurname = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var surnames = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in data.People)
        {
            var entry = new PhraseEntry(EntryKind.Person, p.Id, default, null, null);
            pb.Add(p.Name, entry);
            Add(names, p.Name, p.Id);
            foreach (var a in p.Aliases) { pb.Add(a, entry); Add(names, a, p.Id); }
            Add(surnames, p.Surname, p.Id);
        }
        Freeze(names, _peopleByName);
        Freeze(surnames, _peopleBySurname);

        _phrases = pb.Build();
        _gazetteer = new(BuildGazetteer, LazyThreadSafetyMode.ExecutionAndPublication);
        BuildTime = buildTime + sw.Elapsed;
    }

    /// <summary>
    /// The gazetteer is indexed apart from the actors and only when first asked for (a city match or lookup): it holds
    /// most of the phrases, and many programs never need it.
    /// </summary>
    private (PhraseIndex, Dictionary<string, int[]>) BuildGazetteer()
    {
        var cities = _data.Cities;
        var pb = new PhraseIndex.Builder();
        var names = new Dictionary<string, List<int>>(cities.Length, StringComparer.OrdinalIgnoreCase);
        // most populous first, so the first meaning of an ambiguous city name is the likeliest one
        var byPop = new int[cities.Length];
        var keys = new long[cities.Length];
        for (int i = 0; i < byPop.Length; i++) { byPop[i] = i; keys[i] = ((long)(int.MaxValue - cities[i].Population) << 32) | (uint)i; }
        Array.Sort(keys, byPop);
        foreach (int i in byPop)
        {
            var c = cities[i];
            var entry = new PhraseEntry(EntryKind.City, c.Id, default, c.Country, null);
            pb.Add(c.Name, entry);
            Add(names, c.Name, c.Id);
            foreach (var a in c.Aliases) { pb.Add(a, entry); Add(names, a, c.Id); }
        }
        var byName = new Dictionary<string, int[]>(names.Count, StringComparer.OrdinalIgnoreCase);
        Freeze(names, byName);
        return (pb.Build(), byName);
    }

    /// <summary>The knowledge base compiled from the data embedded in Dyad, built once on first use.</summary>
    public static KnowledgeBase Default => LazyDefault.Value;

    /// <summary>
    /// The day the embedded data's officeholders were last checked. For later dates a person's role is the one they
    /// held then: who took or left office since is known only from what the text says ("Prime Minister X").
    /// </summary>
    public static DateOnly PeopleCheckedOn { get; } = new(2025, 10, 31);

    /// <summary>Time spent parsing (or reading) and indexing this instance.</summary>
    public TimeSpan BuildTime { get; }

    // ------------------------------------------------------------------ building and compiling

    /// <summary>Builds from the embedded data files. Throws <see cref="DyadException"/> naming the first bad line.</summary>
    /// <remarks>The gazetteer is read and indexed on first use of a city lookup (the embedded data is validated by the tests).</remarks>
    public static KnowledgeBase FromEmbedded() => Build(KnowledgeFile.Embedded(), deferCities: true);

    /// <summary>
    /// Builds from the embedded data with the files under <paramref name="dataDirectory"/> laid over it (same relative
    /// paths replace embedded files, new files add to them), or from the folder alone when <paramref name="overlay"/> is false.
    /// </summary>
    public static KnowledgeBase FromDirectory(string dataDirectory, bool overlay = true)
    {
        var files = KnowledgeFile.FromDirectory(dataDirectory);
        return Build(overlay ? KnowledgeFile.Overlay(KnowledgeFile.Embedded(), files) : files);
    }

    /// <summary>Parses, validates and indexes the files. Throws <see cref="DyadException"/> naming the first bad line (and how many there are).</summary>
    public static KnowledgeBase Build(IEnumerable<KnowledgeFile> files) => Build(files, deferCities: false);

    private static KnowledgeBase Build(IEnumerable<KnowledgeFile> files, bool deferCities)
    {
        var sw = Stopwatch.StartNew();
        var data = ParseOrThrow(files, deferCities);
        return new KnowledgeBase(data, sw.Elapsed);
    }

    /// <summary>Every problem found in the files, each naming file and line; empty when they are all good.</summary>
    public static IReadOnlyList<DyadError> Validate(IEnumerable<KnowledgeFile> files)
    {
        KnowledgeParser.Parse(files, out var errors);
        return errors;
    }

    /// <summary>Validates the files and writes the compiled binary. The same files always give the same bytes.</summary>
    public static void Compile(IEnumerable<KnowledgeFile> files, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        KnowledgeBinary.Write(ParseOrThrow(files), output);
    }

    /// <summary>Writes this knowledge base in compiled form.</summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        KnowledgeBinary.Write(_data, output);
    }

    /// <summary>Loads a binary written by <see cref="Compile"/> or <see cref="Save"/>. Throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static KnowledgeBase Load(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sw = Stopwatch.StartNew();
        var data = KnowledgeBinary.Read(input);
        return new KnowledgeBase(data, sw.Elapsed);
    }

    /// <summary>Format version written by <see cref="Compile"/>.</summary>
    public static int FormatVersion => KnowledgeBinary.FormatVersion;

    private static KnowledgeData ParseOrThrow(IEnumerable<KnowledgeFile> files, bool deferCities = false)
    {
        var data = KnowledgeParser.Parse(files, out var errors, deferCities);
        if (errors.Count > 0)
        {
            var first = errors[0];
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : "")})" : "";
            throw new DyadException(first with { Message = first.Message + more });
        }
        return data;
    }

    // ------------------------------------------------------------------ phrases

    /// <summary>
    /// The longest phrase of the knowledge base that starts at <paramref name="start"/> in <paramref name="tokens"/>
    /// (token texts as a PTB-style tokenizer gives them), among entries of the given <paramref name="kinds"/>; empty when none.
    /// See <see cref="PhraseIndex"/> for the case rule; pass <see cref="MatchOptions.IgnoreCase"/> for all-caps headlines.
    /// </summary>
    public PhraseMatch Match(ReadOnlySpan<string> tokens, int start, EntryKinds kinds = EntryKinds.All, MatchOptions options = MatchOptions.None)
    {
        var actors = (kinds & EntryKinds.Actors) != 0 ? _phrases.Match(tokens, start, kinds, options) : default;
        if ((kinds & EntryKinds.City) == 0) return actors;
        var places = _gazetteer.Value.Phrases.Match(tokens, start, kinds, options);
        if (places.Length > actors.Length) return places;
        if (places.Length < actors.Length || places.IsEmpty) return actors;
        return actors.Concat(places);
    }

    /// <summary>Convenience for tests and tools: tokenizes <paramref name="phrase"/> and matches it from its first token.</summary>
    public PhraseMatch MatchPhrase(string phrase, EntryKinds kinds = EntryKinds.All, MatchOptions options = MatchOptions.None) =>
        Match(PhraseIndex.Tokenize(phrase), 0, kinds, options);

    /// <summary>Splits a phrase into tokens the way the knowledge base expects text to be tokenized.</summary>
    public static string[] Tokenize(string phrase) => PhraseIndex.Tokenize(phrase);

    /// <summary>Number of phrases (names, aliases, titles, city names) in the index, counting the gazetteer.</summary>
    public int PhraseCount => _phrases.PhraseCount + _gazetteer.Value.Phrases.PhraseCount;

    // ------------------------------------------------------------------ countries

    public IReadOnlyList<Country> Countries => _data.Countries;

    /// <summary>A country by its CAMEO/ISO alpha-3 code or ISO alpha-2 code, any case; null when unknown.</summary>
    public Country? CountryByCode(string code) =>
        _countryByCode.TryGetValue(code, out int id) ? _data.Countries[id] : null;

    /// <summary>A country by code from a span (no allocation).</summary>
    public Country? CountryByCode(ReadOnlySpan<char> code) =>
        _countryByCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out int id) ? _data.Countries[id] : null;

    /// <summary>The country named, described ("South Korean"), or whose people ("Mexicans"), capital or seat the phrase is; null when none.</summary>
    public Country? FindCountry(string phrase)
    {
        var m = MatchPhrase(phrase, EntryKinds.AnyCountry);
        return m.IsEmpty || m.Length != Tokenize(phrase).Length ? null : _data.Countries[m.First.EntityId];
    }

    // ------------------------------------------------------------------ organisations

    public IReadOnlyList<Organization> Organizations => _data.Organizations;

    /// <summary>Organisations with this name or alias (case-insensitive); empty when none.</summary>
    public IReadOnlyList<Organization> FindOrganizations(string nameOrAlias) => Pick(_orgsByName, nameOrAlias, _data.Organizations);

    /// <summary>The organisation with this name or alias, preferring an exact-case match; null when none.</summary>
    public Organization? FindOrganization(string nameOrAlias)
    {
        var all = FindOrganizations(nameOrAlias);
        if (all.Count == 0) return null;
        foreach (var o in all)
        {
            if (o.Name == nameOrAlias) return o;
            foreach (var a in o.Aliases) if (a == nameOrAlias) return o;
        }
        return all[0];
    }

    /// <summary>Organisations with exactly this actor code.</summary>
    public IReadOnlyList<Organization> OrganizationsWithCode(ActorCode code) => Pick(_orgsByCode, code.Value, _data.Organizations);

    // ------------------------------------------------------------------ agents

    public IReadOnlyList<Agent> Agents => _data.Agents;

    /// <summary>Agents written as this phrase (case-insensitive): one per sector/country reading ("foreign secretary" → GBR, MEX ...).</summary>
    public IReadOnlyList<Agent> FindAgents(string phrase) => Pick(_agentsByPhrase, phrase, _data.Agents);

    // ------------------------------------------------------------------ people

    public IReadOnlyList<Person> People => _data.People;

    /// <summary>People with this full name or alias (case-insensitive); usually one.</summary>
    public IReadOnlyList<Person> FindPeople(string nameOrAlias) => Pick(_peopleByName, nameOrAlias, _data.People);

    /// <summary>The person with this full name or alias; null when none (or the first of several).</summary>
    public Person? FindPerson(string nameOrAlias)
    {
        var all = FindPeople(nameOrAlias);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>People with this surname (the word later mentions use: "Blinken"), for resolving second mentions.</summary>
    public IReadOnlyList<Person> PeopleBySurname(string surname) => Pick(_peopleBySurname, surname, _data.People);

    /// <summary>
    /// The role <paramref name="person"/> held on <paramref name="date"/>, or null when they held none in the knowledge
    /// base (out of office: the caller should not code them as government). When several roles overlap, the one that
    /// started last wins (a foreign minister who becomes prime minister on the same day is coded by the new office).
    /// </summary>
    public static PersonRole? RoleOn(Person person, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(person);
        PersonRole? best = null;
        var roles = person.Roles;
        for (int i = 0; i < roles.Count; i++)
            if (roles[i].IsValidOn(date)) best = roles[i];   // roles are sorted by start
        return best;
    }

    /// <summary>All roles valid on the date, in order of their start dates.</summary>
    public static IReadOnlyList<PersonRole> RolesOn(Person person, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(person);
        List<PersonRole>? list = null;
        foreach (var r in person.Roles)
            if (r.IsValidOn(date)) (list ??= []).Add(r);
        return list is null ? [] : list;
    }

    // ------------------------------------------------------------------ cities

    public IReadOnlyList<City> Cities => _data.Cities;

    /// <summary>Cities with this name (case-insensitive), most populous first.</summary>
    public IReadOnlyList<City> FindCities(string name) => Pick(_gazetteer.Value.ByName, name, _data.Cities);

    // ------------------------------------------------------------------ helpers

    private static IReadOnlyList<T> Pick<T>(Dictionary<string, int[]> index, string key, T[] table)
    {
        if (key is null || !index.TryGetValue(key, out var ids)) return [];
        var result = new T[ids.Length];
        for (int i = 0; i < ids.Length; i++) result[i] = table[ids[i]];
        return result;
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int id)
    {
        if (!map.TryGetValue(key, out var list)) map.Add(key, list = []);
        if (!list.Contains(id)) list.Add(id);
    }

    private static void Freeze(Dictionary<string, List<int>> from, Dictionary<string, int[]> to)
    {
        foreach (var (k, v) in from) to[k] = [.. v];
    }

    public override string ToString() =>
        $"KnowledgeBase: {_data.Countries.Length} countries, {_data.Organizations.Length} organizations, {_data.Agents.Length} agents, {_data.People.Length} people, {(_data.LazyCities.IsValueCreated ? _data.Cities.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(not yet read)")} cities";
}
