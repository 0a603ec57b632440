using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Actors;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Cli;

/// <summary><c>dyad actor TEXT [--date D]</c>: how a phrase resolves, as JSON.</summary>
internal static class ActorCommand
{
    public static Command Create(CliContext ctx)
    {
        var text = new Argument<string>("text") { Description = "A phrase, e.g. \"Mexico Foreign Secretary Marcelo Ebrard\"" };
        var date = Options.Date();
        var cmd = new Command("actor", "Resolve a phrase to a CAMEO actor code as of a date") { text, date };
        cmd.SetAction(r => Run(ctx, r.GetValue(text)!, r.GetValue(date)));
        return cmd;
    }

    public static int Run(CliContext ctx, string text, string? dateText)
    {
        if (!Options.TryDate(dateText, ctx, out var date)) return Cli.UsageError;
        var pipeline = new PipelineBuilder().UseCleaner().UseTokenizer().UseActors().Build();
        var doc = pipeline.Process(new Article(null, text, date ?? DateOnly.FromDateTime(DateTime.UtcNow)), trace: true);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartArray();
            foreach (var m in doc.Mentions)
            {
                w.WriteStartObject();
                w.WriteString("text", doc.Text.AsSpan(m.Span.Start, m.Span.Length));
                w.WriteString("code", m.Code);
                if (m.Country is null) w.WriteNull("country"); else w.WriteString("country", m.Country);
                w.WriteStartArray("sectors");
                foreach (var s in m.Sectors) w.WriteStringValue(s);
                w.WriteEndArray();
                if (m.Entity is null) w.WriteNull("entity"); else w.WriteString("entity", m.Entity);
                if (m.Role is null) w.WriteNull("role"); else w.WriteString("role", m.Role);
                w.WriteString("kind", m.Kind.ToString());
                w.WriteString("why", m.Why);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        ctx.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        if (doc.Mentions.Count == 0)
        {
            ctx.Error.WriteLine($"dyad: no actor found in '{text}'");
            return Cli.SomeInputFailed;
        }
        return Cli.Ok;
    }
}
