using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Reading.Web;

namespace Dyad.Cli;

/// <summary><c>dyad extract PATH</c>: the article found in a page, feed or archive, as JSON.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext ctx)
    {
        var path = new Argument<string>("path") { Description = "An .html/.htm(.gz), .xml/.rss/.atom or .warc(.gz) file" };
        var cmd = new Command("extract", "Print the article text and metadata extracted from a web file, one JSON object per article") { path };
        cmd.SetAction(r => Run(ctx, r.GetValue(path)!));
        return cmd;
    }

    public static int Run(CliContext ctx, string path)
    {
        if (!File.Exists(path))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.PathNotFound(path)}");
            return Cli.SomeInputFailed;
        }
        if (!WebReader.CanRead(path))
        {
            ctx.Error.WriteLine($"dyad: error: {Errors.ErrorCatalog.UnsupportedInput(path, Path.GetExtension(path))}");
            return Cli.UsageError;
        }
        int status = Cli.Ok;
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var r in new WebReader().Read(path))
        {
            if (r.Status == WebReadStatus.Error)
            {
                ctx.Error.WriteLine($"dyad: error: {r}");
                status = Cli.SomeInputFailed;
                continue;
            }
            if (r.Status == WebReadStatus.Skipped) ctx.Error.WriteLine($"dyad: note: {r}");
            var a = r.Article;
            if (a is null) continue;
            var o = new Dictionary<string, object?>
            {
                ["title"] = a.Title,
                ["date"] = a.Date?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                ["author"] = a.Author,
                ["outlet"] = a.Outlet,
                ["url"] = a.Url,
                ["language"] = a.Language,
                ["source"] = r.Source,
                ["text"] = a.Text,
            };
            ctx.Out.WriteLine(JsonSerializer.Serialize(o, options));
        }
        return status;
    }
}
