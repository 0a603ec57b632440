using System.Collections.Frozen;
using System.Globalization;
using Dyad.Util;

namespace Dyad.Coding;

/// <summary>What the code tables say about one CAMEO code.</summary>
public sealed record CameoInfo(string Code, double Goldstein, int QuadClass, string? PloverEvent, string? PloverMode,
    string? PloverContext, string Description);

/// <summary>
/// CAMEO code tables: GDELT's Goldstein scale and QuadClass, and the PLOVER crosswalk (data/cameo/codes.tsv).
/// Codes absent from the table fall back to their base, then root code.
/// </summary>
public sealed class CameoTable
{
    private readonly FrozenDictionary<string, CameoInfo> _codes;

    private CameoTable(FrozenDictionary<string, CameoInfo> codes) => _codes = codes;

    private static readonly Lazy<CameoTable> DefaultTable = new(() => Load(EmbeddedData.ReadLines("cameo/codes.tsv")));

    public static CameoTable Default => DefaultTable.Value;

    public int Count => _codes.Count;

    public static CameoTable Load(IEnumerable<string> lines)
    {
        var d = new Dictionary<string, CameoInfo>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in lines)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 7) throw new FormatException($"cameo/codes.tsv:{n}: expected 7 tab-separated fields");
            static string? Empty(string s) => s.Length == 0 ? null : s;
            d[f[0]] = new CameoInfo(f[0], double.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
                Empty(f[3]), Empty(f[4]), Empty(f[5]), f[6]);
        }
        return new CameoTable(d.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>The entry for a code, falling back to its base code and then its root.</summary>
    public CameoInfo? Lookup(string code)
    {
        if (_codes.TryGetValue(code, out var info)) return info;
        if (code.Length > 3 && _codes.TryGetValue(code[..3], out info)) return info;
        if (code.Length > 2 && _codes.TryGetValue(code[..2], out info)) return info;
        return null;
    }

    /// <summary>The code's QuadClass from the table, or from its root when the table lacks the code.</summary>
    public int QuadClassOf(string code) =>
        Lookup(code)?.QuadClass ?? QuadClassOfRoot((code[0] - '0') * 10 + (code[1] - '0'));

    /// <summary>GDELT QuadClass from the root: 1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).</summary>
    public static int QuadClassOfRoot(int root) => root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}
