using System.Globalization;
using System.Text;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Output;

/// <summary>
/// GDELT 2.0 Event table rows: 61 tab-separated columns in GDELT's order, no header. Fields Dyad cannot fill
/// (tone, religion and ethnic codes, geography for now) are left empty.
/// </summary>
public sealed class GdeltWriter : IEventWriter
{
    /// <summary>The GDELT 2.0 Event table columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
        "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
        "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
        "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    private static readonly HashSet<string> GroupPrefixes = new(StringComparer.Ordinal) { "IGO", "NGO", "IMG", "MNC" };

    private readonly TextWriter _out;
    private readonly CameoTable _table;
    private readonly StringBuilder _row = new(512);

    public GdeltWriter(TextWriter output, CameoTable? table = null)
    {
        _out = output;
        _table = table ?? CameoTable.Default;
    }

    public void Write(Document document)
    {
        foreach (var e in document.Events)
        {
            var paragraph = e.Sentence < document.Sentences.Count ? document.Sentences[e.Sentence].Paragraph : 0;
            bool root = paragraph <= (document.Article.Title is null ? 0 : 1);
            WriteEvent(e, root, document.Article.Url ?? document.Article.Origin);
        }
    }

    public void WriteEvent(CodedEvent e, bool isRoot, string? sourceUrl)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = _row.Clear();
        ulong id = ulong.Parse(e.EventId, NumberStyles.AllowHexSpecifier, ci) & 0x7FFF_FFFF_FFFF_FFFFUL;
        sb.Append(id.ToString(ci));
        if (e.Date is { } d)
        {
            Tab(sb).Append(d.ToString("yyyyMMdd", ci));
            Tab(sb).Append(d.ToString("yyyyMM", ci));
            Tab(sb).Append(d.Year.ToString(ci));
            double fraction = d.Year + (d.DayOfYear - 1) / (DateTime.IsLeapYear(d.Year) ? 366.0 : 365.0);
            Tab(sb).Append(fraction.ToString("0.0000", ci));
        }
        else
        {
            Tab(sb); Tab(sb); Tab(sb); Tab(sb);
        }
        AppendActor(sb, e.Source);
        AppendActor(sb, e.Target);
        var info = _table.Lookup(e.Cameo);
        Tab(sb).Append(isRoot ? '1' : '0');
        Tab(sb).Append(e.Cameo);
        Tab(sb).Append(e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo);
        Tab(sb).Append(e.Cameo[..2]);
        Tab(sb).Append(_table.QuadClassOf(e.Cameo).ToString(ci));
        Tab(sb);
        if (info is not null) sb.Append(info.Goldstein.ToString("0.0", ci));
        Tab(sb).Append(e.Mentions.ToString(ci));
        Tab(sb).Append('1');
        Tab(sb).Append('1');
        Tab(sb); // AvgTone
        for (int i = 0; i < 24; i++) Tab(sb); // three geography blocks of 8
        Tab(sb);
        if (e.Date is { } added) sb.Append(added.ToString("yyyyMMdd", ci)).Append("000000");
        Tab(sb).Append(Clean(sourceUrl));
        sb.Append('\n');
        _out.Write(sb);
    }

    private static StringBuilder Tab(StringBuilder sb) => sb.Append('\t');

    private static void AppendActor(StringBuilder sb, EventActor a)
    {
        Tab(sb).Append(a.Code);
        Tab(sb).Append(Clean(a.Text).ToUpperInvariant());
        Tab(sb).Append(a.Country);
        Tab(sb);
        if (a.Code.Length >= 6 && GroupPrefixes.Contains(a.Code[..3])) sb.Append(a.Code.AsSpan(3, 3));
        Tab(sb); // ethnic
        Tab(sb); // religion 1
        Tab(sb); // religion 2
        for (int i = 0; i < 3; i++)
        {
            Tab(sb);
            if (i < a.Sectors.Count) sb.Append(a.Sectors[i]);
        }
    }

    private static string Clean(string? s) =>
        s is null ? "" : s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    public void Flush() => _out.Flush();
    public void Dispose() => _out.Flush();
}
