using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests.Support;

/// <summary>Helpers for running the real pipeline on text written in a test.</summary>
internal static class TestPipeline
{
    public static Document Tokenize(string body, string? title = null)
    {
        var p = new PipelineBuilder().UseCleaner().UseTokenizer().Build();
        return p.Process(new Article(title, body, new DateOnly(2023, 6, 19)));
    }

    public static Document Code(string body, string? title = null, DateOnly? date = null) =>
        DyadEngine.Default.Process(new Article(title, body, date ?? new DateOnly(2023, 6, 19)));

    public static string[] Sentences(Document d)
    {
        var r = new string[d.Sentences.Count];
        for (int i = 0; i < r.Length; i++) r[i] = d.Text.Substring(d.Sentences[i].Span.Start, d.Sentences[i].Span.Length);
        return r;
    }

    public static string[] Words(Document d)
    {
        var r = new string[d.TokenCount];
        for (int i = 0; i < r.Length; i++) r[i] = d.Word(i);
        return r;
    }

    /// <summary>A temporary folder deleted at dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir() => Directory.CreateDirectory(Path);
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dyad-test-" + Guid.NewGuid().ToString("N"));
        public string File(string name, string content)
        {
            var p = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
            System.IO.File.WriteAllText(p, content);
            return p;
        }
        public string Bytes(string name, byte[] content)
        {
            var p = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllBytes(p, content);
            return p;
        }
        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { }
        }
    }
}
