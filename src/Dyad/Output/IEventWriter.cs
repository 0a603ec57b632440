using Dyad.Documents;

namespace Dyad.Output;

/// <summary>Writes coded events in one output format. Not thread-safe: one writer per output stream.</summary>
public interface IEventWriter : IDisposable
{
    /// <summary>Writes the events of one processed document.</summary>
    void Write(Document document);
    void Flush();
}

/// <summary>The output formats <c>dyad code --format</c> knows.</summary>
public enum EventFormat
{
    JsonLines,
    Gdelt,
    Csv,
}

public static class EventWriters
{
    public static bool TryParseFormat(string? text, out EventFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "jsonl" or "json" or "ndjson":
                format = EventFormat.JsonLines;
                return true;
            case "gdelt" or "tsv":
                format = EventFormat.Gdelt;
                return true;
            case "csv":
                format = EventFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static IEventWriter Create(EventFormat format, TextWriter output) => format switch
    {
        EventFormat.Gdelt => new GdeltWriter(output),
        EventFormat.Csv => new CsvEventWriter(output),
        _ => new JsonLinesEventWriter(output),
    };
}
