using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Output;

/// <summary>Comma-separated events with a header row (RFC 4180 quoting).</summary>
public sealed class CsvEventWriter : IEventWriter
{
    public static readonly string[] Header =
    [
        "event_id", "article_id", "date", "source_code", "source_country", "source_sectors", "source_text",
        "target_code", "target_country", "target_sectors", "target_text", "cameo", "root", "quad_class", "goldstein",
        "plover_event", "plover_mode", "mentions", "confidence", "pattern", "sentence", "url",
    ];

    private readonly TextWriter _out;
    private readonly CameoTable _table;
    private bool _headerWritten;

    public CsvEventWriter(TextWriter output, CameoTable? table = null)
    {
        _out = output;
        _table = table ?? CameoTable.Default;
    }

    public void Write(Document document)
    {
        if (!_headerWritten)
        {
            _out.Write(string.Join(',', Header));
            _out.Write('\n');
            _headerWritten = true;
        }
        var ci = CultureInfo.InvariantCulture;
        foreach (var e in document.Events)
        {
            var info = _table.Lookup(e.Cameo);
            Field(e.EventId, true);
            Field(e.ArticleId);
            Field(e.Date?.ToString("yyyy-MM-dd", ci));
            Field(e.Source.Code); Field(e.Source.Country); Field(string.Join(';', e.Source.Sectors)); Field(e.Source.Text);
            Field(e.Target.Code); Field(e.Target.Country); Field(string.Join(';', e.Target.Sectors)); Field(e.Target.Text);
            Field(e.Cameo); Field(e.Cameo[..2]);
            Field(_table.QuadClassOf(e.Cameo).ToString(ci));
            Field(info?.Goldstein.ToString("0.0", ci));
            Field(info?.PloverEvent); Field(info?.PloverMode);
            Field(e.Mentions.ToString(ci)); Field(e.Confidence.ToString("0.00", ci));
            Field(e.Pattern); Field(e.SentenceText); Field(e.Url);
            _out.Write('\n');
        }
    }

    private void Field(string? value, bool first = false)
    {
        if (!first) _out.Write(',');
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            _out.Write(value);
            return;
        }
        _out.Write('"');
        _out.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _out.Write('"');
    }

    public void Flush() => _out.Flush();
    public void Dispose() => _out.Flush();
}
