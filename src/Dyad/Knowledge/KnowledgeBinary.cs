using System.Text;

namespace Dyad.Knowledge;

/// <summary>
/// The compiled form of the knowledge base: a versioned, checksummed binary holding the validated records.
/// Layout: magic "DYADKB", format version (int32), payload length (int32), payload, FNV-1a 64 checksum of the payload.
/// The payload starts with a table of every distinct string in first-use order; records refer to strings by index.
/// Indexes (phrase trie, name tables) are rebuilt at load: they are derived data, cheap to build, and keeping them out
/// of the file keeps it small and the format stable. Writing the same records always gives the same bytes.
/// </summary>
internal static class KnowledgeBinary
{
    private static ReadOnlySpan<byte> Magic => "DYADKB"u8;
    /// <summary>Bump when the layout changes; keep reading older versions where possible.</summary>
    /// <remarks>Version 2 added city aliases.</remarks>
    public const int FormatVersion = 2;

    public static void Write(KnowledgeData data, Stream output)
    {
        var strings = new StringTable();
        // first pass registers strings in a deterministic order; second pass writes records
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(data.Countries.Length);
            foreach (var c in data.Countries)
            {
                w.Write(strings.Id(c.Code)); w.Write(strings.Id(c.Iso2));
                WriteList(w, strings, c.Names); WriteList(w, strings, c.Adjectives); WriteList(w, strings, c.Demonyms); WriteList(w, strings, c.Capitals);
                w.Write(c.Seats.Count);
                foreach (var s in c.Seats) { w.Write(strings.Id(s.Name)); w.Write(strings.Id(s.Sector)); }
            }
            w.Write(data.Organizations.Length);
            foreach (var o in data.Organizations)
            {
                w.Write(strings.Id(o.Name)); w.Write(strings.Id(o.Code.Value)); w.Write(strings.IdOrNull(o.Country));
                WriteList(w, strings, o.Aliases);
            }
            w.Write(data.Agents.Length);
            foreach (var a in data.Agents)
            {
                w.Write(strings.Id(a.Phrase)); w.Write(strings.Id(a.Sector)); w.Write(strings.IdOrNull(a.Country));
            }
            w.Write(data.People.Length);
            foreach (var p in data.People)
            {
                w.Write(strings.Id(p.Name)); w.Write(strings.Id(p.Surname));
                WriteList(w, strings, p.Aliases);
                w.Write(p.Roles.Count);
                foreach (var r in p.Roles)
                {
                    w.Write(strings.Id(r.Code.Value)); w.Write(strings.Id(r.Title)); w.Write(r.Start.Packed); w.Write(r.End.Packed);
                }
            }
            w.Write(data.Cities.Length);
            foreach (var c in data.Cities)
            {
                w.Write(strings.Id(c.Name)); w.Write(strings.Id(c.Country));
                w.Write(c.LatE4); w.Write(c.LonE4); w.Write(c.Population); w.Write(c.GeoNameId);
                WriteList(w, strings, c.Aliases);
            }
        }

        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(strings.Count);
            foreach (var s in strings.InOrder) w.Write(s);
            body.Position = 0;
            body.CopyTo(payload);
        }

        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        using var o2 = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        o2.Write(Magic);
        o2.Write(FormatVersion);
        o2.Write(bytes.Length);
        o2.Write(bytes);
        o2.Write(Fnv1a(bytes));
    }

    public static KnowledgeData Read(Stream input)
    {
        using var r0 = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[6];
        if (input.ReadAtLeast(magic, 6, throwOnEndOfStream: false) != 6 || !magic.SequenceEqual(Magic))
            throw new InvalidDataException("not a compiled Dyad knowledge base (bad magic)");
        int version = r0.ReadInt32();
        if (version is < 1 or > FormatVersion)
            throw new InvalidDataException($"compiled knowledge base has format version {version}; this Dyad reads versions 1 to {FormatVersion}");
        int length = r0.ReadInt32();
        if (length < 0) throw new InvalidDataException("compiled knowledge base is corrupt (negative length)");
        var bytes = r0.ReadBytes(length);
        if (bytes.Length != length) throw new InvalidDataException("compiled knowledge base is truncated");
        if (r0.ReadUInt64() != Fnv1a(bytes)) throw new InvalidDataException("compiled knowledge base is corrupt (checksum mismatch)");

        using var ms = new MemoryStream(bytes, writable: false);
        using var r = new BinaryReader(ms, Encoding.UTF8);
        var strings = new string[r.ReadInt32()];
        for (int i = 0; i < strings.Length; i++) strings[i] = r.ReadString();
        string S() => strings[r.ReadInt32()];
        string? SN() { int id = r.ReadInt32(); return id < 0 ? null : strings[id]; }
        string[] L() { var a = new string[r.ReadInt32()]; for (int i = 0; i < a.Length; i++) a[i] = S(); return a; }

        var countries = new Country[r.ReadInt32()];
        for (int i = 0; i < countries.Length; i++)
        {
            var code = S(); var iso2 = S();
            var names = L(); var adjs = L(); var dems = L(); var caps = L();
            var seats = new CountrySeat[r.ReadInt32()];
            for (int k = 0; k < seats.Length; k++) seats[k] = new CountrySeat(S(), S());
            countries[i] = new Country(i, code, iso2, names, adjs, dems, caps, seats);
        }
        var orgs = new Organization[r.ReadInt32()];
        for (int i = 0; i < orgs.Length; i++)
        {
            var name = S(); var code = ActorCode.Parse(S()); var country = SN();
            orgs[i] = new Organization(i, name, code, country, L());
        }
        var agents = new Agent[r.ReadInt32()];
        for (int i = 0; i < agents.Length; i++)
            agents[i] = new Agent(i, S(), S(), SN());
        var people = new Person[r.ReadInt32()];
        for (int i = 0; i < people.Length; i++)
        {
            var name = S(); var surname = S(); var aliases = L();
            var roles = new PersonRole[r.ReadInt32()];
            for (int k = 0; k < roles.Length; k++)
            {
                var code = ActorCode.Parse(S()); var title = S();
                var start = PartialDate.FromPacked(r.ReadInt32()); var end = PartialDate.FromPacked(r.ReadInt32());
                roles[k] = new PersonRole(code, title, start, end);
            }
            people[i] = new Person(i, name, surname, aliases, roles);
        }
        var cities = new City[r.ReadInt32()];
        for (int i = 0; i < cities.Length; i++)
        {
            var name = S(); var country = S();
            int lat = r.ReadInt32(), lon = r.ReadInt32(), pop = r.ReadInt32(), gid = r.ReadInt32();
            cities[i] = new City(i, name, country, lat, lon, pop, gid, version >= 2 ? L() : []);
        }
        if (ms.Position != ms.Length) throw new InvalidDataException("compiled knowledge base has trailing data");
        return new KnowledgeData { Countries = countries, Organizations = orgs, Agents = agents, People = people, LazyCities = new Lazy<City[]>(cities) };
    }

    private static void WriteList(BinaryWriter w, StringTable strings, IReadOnlyList<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(strings.Id(s));
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in data) { h ^= b; h *= 1099511628211UL; }
        return h;
    }

    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        public List<string> InOrder { get; } = [];
        public int Count => InOrder.Count;

        public int Id(string s)
        {
            if (!_ids.TryGetValue(s, out int id))
            {
                id = InOrder.Count;
                _ids.Add(s, id);
                InOrder.Add(s);
            }
            return id;
        }

        public int IdOrNull(string? s) => s is null ? -1 : Id(s);
    }
}
