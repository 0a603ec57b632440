using Dyad.Errors;

namespace Dyad.Reading;

/// <summary>A reader for one kind of input file, chosen by file name.</summary>
public interface IInputFormat
{
    /// <summary>Whether this format reads files with this name (by extension).</summary>
    bool Handles(string fileName);
    IEnumerable<ReadResult> Read(string path, DateOnly? defaultDate);
}

/// <summary>
/// Turns command-line inputs (files, folders read recursively in name order, and <c>-</c> for standard input)
/// into a stream of articles and located errors. Per-item problems never stop the stream.
/// </summary>
public sealed class InputReader
{
    private readonly List<IInputFormat> _formats = new();

    public InputReader()
    {
        _formats.Add(new JsonLinesFormat());
        _formats.Add(new WebInputFormat());
    }

    /// <summary>Adds a format (e.g. HTML, feeds, web archives); formats added later are tried first.</summary>
    public InputReader Add(IInputFormat format)
    {
        _formats.Insert(0, format);
        return this;
    }

    /// <summary>Standard input, read when a path is <c>-</c>.</summary>
    public Func<Stream> StandardInput { get; init; } = Console.OpenStandardInput;

    public IEnumerable<ReadResult> Read(IEnumerable<string> paths, DateOnly? defaultDate)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var r in ReadStdin(defaultDate)) yield return r;
                continue;
            }
            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateFolder(path))
                {
                    if (IsProjectDocument(file)) continue;   // README.TXT, LICENSE: notes about a corpus, not articles
                    if (IsOtherXml(file))
                    {
                        yield return new ReadResult(null, ErrorCatalog.WebItemSkipped(file, "an XML file that is not an RSS or Atom feed"), IsWarning: true);
                        continue;
                    }
                    foreach (var r in ReadFile(file, defaultDate, fromFolder: true)) yield return r;
                }
                continue;
            }
            foreach (var r in ReadFile(path, defaultDate, fromFolder: false)) yield return r;
        }
    }

    /// <summary>Notes that come with a corpus (README, LICENSE, NOTICE, COPYING, CHANGELOG), skipped in folders.</summary>
    private static bool IsProjectDocument(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file.AsSpan());
        return name.Equals("README", StringComparison.OrdinalIgnoreCase) || name.Equals("LICENSE", StringComparison.OrdinalIgnoreCase)
            || name.Equals("LICENCE", StringComparison.OrdinalIgnoreCase) || name.Equals("NOTICE", StringComparison.OrdinalIgnoreCase)
            || name.Equals("COPYING", StringComparison.OrdinalIgnoreCase) || name.Equals("CHANGELOG", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An .xml file in a folder whose start shows no feed element (e.g. test records or configuration):
    /// skipped with a note rather than reported as a broken feed. A file named on the command line is still read.</summary>
    private static bool IsOtherXml(string file)
    {
        if (!file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[8192];
            int n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var head = System.Text.Encoding.UTF8.GetString(buffer, 0, n);
            return !(head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
                     || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase) || head.Contains("<channel", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // let the reader report it
        }
    }

    private static IEnumerable<string> EnumerateFolder(string folder)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = false,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files = [];
        }
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private IEnumerable<ReadResult> ReadFile(string path, DateOnly? date, bool fromFolder)
    {
        foreach (var f in _formats)
        {
            if (f.Handles(path))
            {
                if (!File.Exists(path))
                {
                    return [ReadResult.Fail(ErrorCatalog.PathNotFound(path))];
                }
                return f.Read(path, date);
            }
        }
        string ext = Path.GetExtension(path);
        if (fromFolder && !IsPlainTextName(ext))
        {
            return []; // a folder may hold other files (images, notes); only articles are read
        }
        return [ReadPlain(path, date)];
    }

    private static bool IsPlainTextName(string ext) =>
        ext.Length == 0 || ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) || ext.Equals(".text", StringComparison.OrdinalIgnoreCase);

    private static ReadResult ReadPlain(string path, DateOnly? date)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return ReadResult.Fail(ErrorCatalog.PathNotFound(path));
            if (info.Length == 0) return ReadResult.Fail(ErrorCatalog.EmptyFile(path));
            if (info.Length > PlainTextReader.MaxArticleBytes)
                return ReadResult.Fail(ErrorCatalog.FileTooLarge(path, info.Length, PlainTextReader.MaxArticleBytes));
            byte[] bytes = File.ReadAllBytes(path);
            return PlainTextReader.Read(bytes, path, DateFromFileName(path) ?? date);   // the file's own date wins over --date
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Fail(ErrorCatalog.Unreadable(path, e.Message));
        }
    }

    /// <summary>A file named like "2023-06-19-blinken.txt" carries its publication date in its name.</summary>
    public static DateOnly? DateFromFileName(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        if (name.Length >= 10 && DateParsing.TryParseIsoDate(name[..10], out var d) && (name.Length == 10 || !char.IsDigit(name[10])))
            return d;
        return null;
    }

    private IEnumerable<ReadResult> ReadStdin(DateOnly? date)
    {
        byte[] bytes;
        using (var stdin = StandardInput())
        using (var buffer = new MemoryStream())
        {
            stdin.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        // Standard input holding JSON Lines starts with '{'.
        int i = 0;
        while (i < bytes.Length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t' || bytes[i] == 0xEF || bytes[i] == 0xBB || bytes[i] == 0xBF)) i++;
        if (i < bytes.Length && bytes[i] == '{')
        {
            return JsonLinesReader.Read(new MemoryStream(bytes), "<stdin>", date);
        }
        if (bytes.Length == 0) return [ReadResult.Fail(ErrorCatalog.EmptyFile("<stdin>"))];
        return [PlainTextReader.Read(bytes, "<stdin>", date)];
    }

    private sealed class JsonLinesFormat : IInputFormat
    {
        public bool Handles(string fileName) =>
            fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

        public IEnumerable<ReadResult> Read(string path, DateOnly? defaultDate)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [ReadResult.Fail(ErrorCatalog.Unreadable(path, e.Message))];
            }
            return ReadAndDispose(stream, path, defaultDate);
        }

        private static IEnumerable<ReadResult> ReadAndDispose(FileStream stream, string path, DateOnly? date)
        {
            using (stream)
            {
                if (stream.Length == 0)
                {
                    yield return ReadResult.Fail(ErrorCatalog.EmptyFile(path));
                    yield break;
                }
                foreach (var r in JsonLinesReader.Read(stream, path, date)) yield return r;
            }
        }
    }
}
