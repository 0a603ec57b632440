using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Output;

/// <summary>One JSON object per event per line.</summary>
public sealed class JsonLinesEventWriter : IEventWriter
{
    private readonly TextWriter _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly CameoTable _table;

    public JsonLinesEventWriter(TextWriter output, CameoTable? table = null)
    {
        _out = output;
        _table = table ?? CameoTable.Default;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public void Write(Document document)
    {
        foreach (var e in document.Events) WriteEvent(e);
    }

    public void WriteEvent(CodedEvent e)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        var info = _table.Lookup(e.Cameo);
        var w = _json;
        w.WriteStartObject();
        w.WriteString("event_id", e.EventId);
        w.WriteString("article_id", e.ArticleId);
        if (e.Date is { } d) w.WriteString("date", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull("date");
        WriteActor(w, "source", e.Source);
        WriteActor(w, "target", e.Target);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("root", e.Cameo[..2]);
        w.WriteNumber("quad_class", _table.QuadClassOf(e.Cameo));
        if (info is not null) w.WriteNumber("goldstein", info.Goldstein);
        else w.WriteNull("goldstein");
        w.WriteStartObject("plover");
        WriteNullable(w, "event", info?.PloverEvent);
        WriteNullable(w, "mode", info?.PloverMode);
        WriteNullable(w, "context", info?.PloverContext);
        w.WriteEndObject();
        w.WriteNumber("mentions", e.Mentions);
        w.WriteNumber("confidence", e.Confidence);
        w.WriteString("sentence", e.SentenceText);
        w.WriteNumber("sentence_index", e.Sentence);
        w.WriteStartObject("spans");
        WriteSpan(w, "source", e.Source.Span);
        WriteSpan(w, "verb", e.VerbSpan);
        WriteSpan(w, "target", e.Target.Span);
        w.WriteEndObject();
        w.WriteString("pattern", e.Pattern);
        if (e.Url is not null) w.WriteString("url", e.Url);
        if (e.Outlet is not null) w.WriteString("outlet", e.Outlet);
        w.WriteEndObject();
        w.Flush();
        _out.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _out.Write('\n');
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, TextSpan span)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(span.Start);
        w.WriteNumberValue(span.End);
        w.WriteEndArray();
    }

    private static void WriteActor(Utf8JsonWriter w, string name, EventActor a)
    {
        w.WriteStartObject(name);
        w.WriteString("code", a.Code);
        WriteNullable(w, "country", a.Country);
        w.WriteStartArray("sectors");
        foreach (var s in a.Sectors) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteString("text", a.Text);
        w.WriteEndObject();
    }

    public void Flush() => _out.Flush();

    public void Dispose()
    {
        _json.Dispose();
        _out.Flush();
    }
}
