using Dyad.Util;

namespace Dyad.Coding;

/// <summary>
/// Maps an announced or planned act to the CAMEO intent or threat code (data/patterns/intents.txt):
/// "will meet" is 036, "vowed to attack" 138.
/// </summary>
public sealed class IntentMap
{
    private readonly Dictionary<string, string> _byPrefix;

    private IntentMap(HashSet<string> markers, Dictionary<string, string> byPrefix)
    {
        Markers = markers;
        _byPrefix = byPrefix;
    }

    /// <summary>Lemmas (and the will/shall auxiliaries) that mark intent when they govern the event verb.</summary>
    public IReadOnlySet<string> Markers { get; }

    private static readonly Lazy<IntentMap> DefaultMap = new(() => Load(EmbeddedData.ReadLines("patterns/intents.txt")));
    public static IntentMap Default => DefaultMap.Value;

    public static IntentMap Load(IEnumerable<string> lines)
    {
        var markers = new HashSet<string>(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (f[0] == "@markers")
            {
                for (int i = 1; i < f.Length; i++) markers.Add(f[i]);
            }
            else if (f.Length >= 2)
            {
                map[f[0]] = f[1];
            }
        }
        return new IntentMap(markers, map);
    }

    /// <summary>The intent code for an act code (longest matching prefix), or the code itself.</summary>
    public string IntentOf(string code)
    {
        for (int len = code.Length; len >= 2; len--)
        {
            if (_byPrefix.TryGetValue(code[..len], out var intent)) return intent;
        }
        return code;
    }
}
