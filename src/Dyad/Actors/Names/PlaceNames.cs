using System.Collections.Frozen;

namespace Dyad.Actors.Names;

/// <summary>
/// Places the knowledge base does not list because they are not countries or cities: continents and world regions,
/// and the first-level divisions that news names most (US states, Canadian provinces, Australian states). Longest match.
/// </summary>
internal static class PlaceNames
{
    private static readonly FrozenDictionary<string, string[][]> s_byFirst = Build();

    /// <summary>Number of tokens of the longest place name starting at <paramref name="start"/>; 0 when none.</summary>
    public static int Match(ReadOnlySpan<string> words, int start, bool ignoreCase)
    {
        if (!s_byFirst.TryGetValue(words[start], out var names)) return 0;
        var cmp = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int best = 0;
        foreach (var name in names)
        {
            if (name.Length <= best || start + name.Length > words.Length) continue;
            bool ok = true;
            for (int k = 0; k < name.Length && ok; k++)
                ok = string.Equals(words[start + k], name[k], cmp);
            if (ok) best = name.Length;
        }
        return best;
    }

    private static FrozenDictionary<string, string[][]> Build()
    {
        const string names =
            // continents and regions
            "Africa|Asia|Europe|Antarctica|Oceania|Arctic|Antarctic|North America|South America|Latin America|Central America|" +
            "Middle East|Near East|Far East|Southeast Asia|South East Asia|South - East Asia|East Asia|South Asia|Central Asia|" +
            "West Asia|Eastern Europe|Western Europe|Central Europe|Northern Europe|Southern Europe|Balkans|Caucasus|" +
            "Scandinavia|Caribbean|Mediterranean|Pacific|Atlantic|Sahel|Sahara|Horn of Africa|West Africa|East Africa|" +
            "North Africa|Southern Africa|Central Africa|Sub-Saharan Africa|Persian Gulf|Gulf|Maghreb|Levant|Gaza|Gaza Strip|" +
            "West Bank|Golan Heights|Kashmir|Tibet|Xinjiang|Crimea|Donbas|Donbass|Kurdistan|Darfur|Siberia|Chechnya|" +
            "Punjab|Bengal|Aceh|Papua|Mindanao|Borneo|Sumatra|Java|Bali|Sinai|Patagonia|Amazon|Midwest|" +
            // US states
            "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|" +
            "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|" +
            "Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|" +
            "Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|" +
            "Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|Guam|" +
            // Canada, Australia, UK, others
            "Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland|Nova Scotia|Ontario|Prince Edward Island|Quebec|" +
            "Saskatchewan|Yukon|Nunavut|New South Wales|Queensland|Victoria|Tasmania|South Australia|Western Australia|" +
            "Northern Territory|England|Scotland|Wales|Northern Ireland|Catalonia|Bavaria|Sicily|Sardinia|Corsica|" +
            "Lombardy|Tuscany|Flanders|Wallonia|Andalusia|Hokkaido|Okinawa|Guangdong|Sichuan|Hainan|Taiwan|Hong Kong|Macau";
        var d = new Dictionary<string, List<string[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in names.Split('|'))
        {
            var toks = n.Split(' ');
            if (!d.TryGetValue(toks[0], out var list)) d[toks[0]] = list = [];
            list.Add(toks);
        }
        var frozen = new Dictionary<string, string[][]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in d) frozen[k] = [.. v];
        return frozen.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
