using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dyad.Reading.Web;

/// <summary>
/// Reads WARC/1.0 and WARC/1.1 web archives, plain or gzipped (one gzip member per record, as Common Crawl writes
/// them, or one member for the whole file). Each <c>response</c> record holding an HTTP response with an HTML body
/// becomes an article; its WARC-Target-URI is the URL. Chunked transfer encoding and gzip, deflate or brotli
/// content encoding are undone; the charset comes from the HTTP Content-Type, else from the page.
/// A broken record is reported with its offset and the reader resynchronises on the next "WARC/" line;
/// a truncated or corrupt file ends with an error after the records before it.
/// </summary>
public sealed class WarcReader
{
    private readonly WebReadOptions _options;

    /// <summary>Creates a reader with the given settings (defaults when null).</summary>
    public WarcReader(WebReadOptions? options = null) => _options = options ?? WebReadOptions.Default;

    /// <summary>Reads a .warc or .warc.gz file.</summary>
    public IEnumerable<WebReadResult> Read(string path) => WebFiles.Read(path, Read);

    /// <summary>Reads a WARC archive from a stream (gzip is detected from the first bytes).</summary>
    public IEnumerable<WebReadResult> Read(Stream stream, string source)
    {
        var magic = new byte[2];
        int m = 0;
        while (m < 2)
        {
            int n = stream.Read(magic, m, 2 - m);
            if (n <= 0) break;
            m += n;
        }
        Stream raw = new PrefixStream(magic.AsMemory(0, m), stream);
        GzipMemberStream? gzip = m == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GzipMemberStream(raw) : null;
        Stream input = gzip ?? raw;
        var reader = new ByteReader(input);
        bool any = false;
        while (true)
        {
            var step = NextRecord(reader, source);
            if (gzip is { Failed: true } && (step.Kind == StepKind.End || step.Fatal))
            {
                // A corrupt gzip member cut the data short: report it (and the record it broke) and go on after it.
                bool resumed = gzip.TryResume(out string message);
                string lost = step.Kind == StepKind.Error ? $"; the record at offset {step.Offset} is lost" : string.Empty;
                yield return WebReadResult.Fail($"{source}@{step.Offset}", $"{source}: {message}{lost}");
                if (!resumed) yield break;
                reader.Reset();
                continue;
            }
            if (step.Kind == StepKind.End) break;
            if (step.Kind == StepKind.Error)
            {
                yield return WebReadResult.Fail($"{source}@{step.Offset}", step.Message!);
                if (step.Fatal) yield break;
                continue;
            }
            any = true;
            if (step.Kind == StepKind.Record && step.Record is { } rec)
            {
                var result = ReadResponse(rec, $"{source}@{step.Offset}");
                if (result is not null) yield return result;
            }
        }
        if (!any && reader.Position == 0)
        {
            yield return WebReadResult.Fail(source, $"{source}: the archive is empty");
        }
    }

    private enum StepKind { End, Error, Record, Skipped }

    private readonly record struct Step(StepKind Kind, long Offset, WarcRecord? Record = null, string? Message = null, bool Fatal = false);

    private sealed class WarcRecord
    {
        public required Dictionary<string, string> Headers;
        public required byte[] Block;
    }

    private Step NextRecord(ByteReader reader, string source)
    {
        try
        {
            return NextRecordCore(reader, source);
        }
        catch (InvalidDataException ex)
        {
            return new Step(StepKind.Error, reader.Position, Message: $"{source}: corrupt gzip data near offset {reader.Position} of the uncompressed archive ({ex.Message}); the rest of the file is skipped", Fatal: true);
        }
        catch (IOException ex)
        {
            return new Step(StepKind.Error, reader.Position, Message: $"{source}: read error near offset {reader.Position}: {ex.Message}", Fatal: true);
        }
    }

    private Step NextRecordCore(ByteReader reader, string source)
    {
        // Skip blank lines between records.
        string? line;
        long offset;
        do
        {
            offset = reader.Position;
            line = reader.ReadLine(8192);
            if (line is null) return new Step(StepKind.End, offset);
        }
        while (line.Length == 0);

        if (!line.StartsWith("WARC/", StringComparison.Ordinal))
        {
            long badOffset = offset;
            // Resynchronise: skip to the next line that starts a record.
            while (true)
            {
                long at = reader.Position;
                string? l = reader.ReadLine(1 << 20);
                if (l is null) break;
                if (l.StartsWith("WARC/1.", StringComparison.Ordinal))
                {
                    reader.Unread(l, at);
                    break;
                }
            }
            return new Step(StepKind.Error, badOffset, Message: $"{source}: broken record at offset {badOffset}: expected a 'WARC/1.x' line, found '{Shorten(line)}'; skipped to offset {reader.Position}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastName = null;
        while (true)
        {
            string? h = reader.ReadLine(1 << 16);
            if (h is null)
            {
                return new Step(StepKind.Error, offset, Message: $"{source}: record at offset {offset} is truncated in its headers", Fatal: true);
            }
            if (h.Length == 0) break;
            if ((h[0] == ' ' || h[0] == '\t') && lastName is not null)
            {
                headers[lastName] += " " + h.Trim();
                continue;
            }
            int colon = h.IndexOf(':');
            if (colon <= 0)
            {
                if (h.StartsWith("WARC/", StringComparison.Ordinal))
                {
                    reader.Unread(h, reader.Position - Encoding.UTF8.GetByteCount(h) - 2);
                    return new Step(StepKind.Error, offset, Message: $"{source}: broken record at offset {offset}: headers end without a blank line");
                }
                continue;
            }
            lastName = h[..colon].Trim();
            headers[lastName] = h[(colon + 1)..].Trim();
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
        {
            return new Step(StepKind.Error, offset, Message: $"{source}: broken record at offset {offset}: missing or invalid Content-Length");
        }
        string type = headers.GetValueOrDefault("WARC-Type", string.Empty);
        bool wanted = type.Equals("response", StringComparison.OrdinalIgnoreCase) || type.Equals("resource", StringComparison.OrdinalIgnoreCase);
        if (!wanted || length > _options.MaxPageBytes)
        {
            long skipped = reader.Skip(length);
            if (skipped < length)
            {
                return new Step(StepKind.Error, offset, Message: $"{source}: record at offset {offset} is truncated: {skipped} of {length} bytes", Fatal: true);
            }
            ExpectRecordEnd(reader);
            if (wanted)
            {
                return new Step(StepKind.Error, offset, Message: $"{source}: record at offset {offset} has {length} bytes, over the limit of {_options.MaxPageBytes}; skipped");
            }
            return new Step(StepKind.Skipped, offset);
        }

        byte[] block = new byte[length];
        int got = reader.ReadExactly(block);
        if (got < length)
        {
            return new Step(StepKind.Error, offset, Message: $"{source}: record at offset {offset} is truncated: {got} of {length} bytes (cut-off file or truncated gzip)", Fatal: true);
        }
        if (!ExpectRecordEnd(reader))
        {
            // The Content-Length did not match: keep what we have, the next record is found by resynchronising.
            return new Step(StepKind.Error, offset, Message: $"{source}: broken record at offset {offset}: Content-Length {length} does not end at the record boundary");
        }
        return new Step(StepKind.Record, offset, new WarcRecord { Headers = headers, Block = block });
    }

    // A record ends with CRLF CRLF. Returns false (and leaves the line for resynchronisation) when it does not.
    private static bool ExpectRecordEnd(ByteReader reader)
    {
        for (int k = 0; k < 2; k++)
        {
            long at = reader.Position;
            string? l = reader.ReadLine(1 << 16);
            if (l is null) return true;
            if (l.Length != 0)
            {
                reader.Unread(l, at);
                return false;
            }
        }
        return true;
    }

    private WebReadResult? ReadResponse(WarcRecord record, string source)
    {
        string? uri = record.Headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>');
        string contentType = record.Headers.GetValueOrDefault("Content-Type", string.Empty);
        byte[] block = record.Block;
        string? httpType = null;
        ReadOnlySpan<byte> body;
        var httpHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (contentType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) || block.AsSpan().StartsWith("HTTP/"u8))
        {
            int headerEnd = FindHeaderEnd(block, out int bodyStart);
            if (headerEnd < 0) return WebReadResult.Fail(source, $"{source}: HTTP response of {uri} has no end of headers");
            string head = Encoding.Latin1.GetString(block, 0, headerEnd);
            string[] lines = head.Split('\n');
            string status = lines[0].Trim();
            // "HTTP/1.1 200 OK": only successful responses carry the page.
            string[] parts = status.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code)) return WebReadResult.Fail(source, $"{source}: bad HTTP status line '{Shorten(status)}' for {uri}");
            if (code is < 200 or >= 300) return null;
            for (int i = 1; i < lines.Length; i++)
            {
                string l = lines[i].TrimEnd('\r');
                int colon = l.IndexOf(':');
                if (colon > 0) httpHeaders[l[..colon].Trim()] = l[(colon + 1)..].Trim();
            }
            httpType = httpHeaders.GetValueOrDefault("Content-Type");
            body = block.AsSpan(bodyStart);
        }
        else
        {
            // A resource record: the block is the document itself.
            httpType = contentType;
            body = block;
        }
        if (!IsHtml(httpType, body)) return null;

        byte[] payload = body.ToArray();
        if (httpHeaders.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            if (TryDechunk(payload, out var dechunked)) payload = dechunked;
        }
        if (httpHeaders.TryGetValue("Content-Encoding", out var ce))
        {
            string? err = Decode(ce.Trim().ToLowerInvariant(), ref payload);
            if (err is not null) return WebReadResult.Fail(source, $"{source}: cannot decode {ce} content of {uri}: {err}");
        }
        if (!_options.ExtractorOrDefault.TryExtract(payload, WebEncoding.CharsetFromContentType(httpType), uri, out var article, out string? error))
        {
            return WebReadResult.Fail(source, $"{source}: {uri}: {error}");
        }
        if (uri is not null) article = article with { Url = uri };
        return _options.Finish(source, article);
    }

    private static bool IsHtml(string? type, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrEmpty(type))
        {
            return type.Contains("html", StringComparison.OrdinalIgnoreCase);
        }
        // No type: sniff.
        var head = body.Length > 1024 ? body[..1024] : body;
        string s = Encoding.Latin1.GetString(head).TrimStart();
        return s.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || s.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static int FindHeaderEnd(byte[] block, out int bodyStart)
    {
        int i = block.AsSpan().IndexOf("\r\n\r\n"u8);
        int j = block.AsSpan().IndexOf("\n\n"u8);
        if (i >= 0 && (j < 0 || i < j))
        {
            bodyStart = i + 4;
            return i;
        }
        if (j >= 0)
        {
            bodyStart = j + 2;
            return j;
        }
        bodyStart = block.Length;
        return -1;
    }

    /// <summary>Undoes chunked transfer encoding; false when the data is not chunked after all.</summary>
    internal static bool TryDechunk(byte[] data, out byte[] result)
    {
        result = data;
        var output = new MemoryStream(data.Length);
        int pos = 0;
        while (true)
        {
            int lineEnd = data.AsSpan(pos).IndexOf((byte)'\n');
            if (lineEnd < 0) return output.Length > 0 && Done(output, out result);
            var sizeLine = Encoding.ASCII.GetString(data, pos, lineEnd).Trim();
            int semi = sizeLine.IndexOf(';');
            if (semi >= 0) sizeLine = sizeLine[..semi];
            if (!int.TryParse(sizeLine, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0) return false;
            pos += lineEnd + 1;
            if (size == 0) return Done(output, out result);
            int take = Math.Min(size, data.Length - pos);
            output.Write(data, pos, take);
            pos += take;
            if (take < size) return Done(output, out result); // cut short: keep what there is
            if (pos < data.Length && data[pos] == '\r') pos++;
            if (pos < data.Length && data[pos] == '\n') pos++;
        }

        static bool Done(MemoryStream output, out byte[] result)
        {
            result = output.ToArray();
            return true;
        }
    }

    private static string? Decode(string encoding, ref byte[] payload)
    {
        if (encoding is "identity" or "") return null;
        try
        {
            Stream? s = encoding switch
            {
                "gzip" or "x-gzip" when payload.Length >= 2 && payload[0] == 0x1F && payload[1] == 0x8B => new GZipStream(new MemoryStream(payload), CompressionMode.Decompress),
                "gzip" or "x-gzip" => null, // already decoded by the crawler
                "deflate" when payload.Length >= 2 && (payload[0] & 0x0F) == 8 && ((payload[0] << 8) | payload[1]) % 31 == 0 => new ZLibStream(new MemoryStream(payload), CompressionMode.Decompress),
                "deflate" => new DeflateStream(new MemoryStream(payload), CompressionMode.Decompress),
                "br" => new BrotliStream(new MemoryStream(payload), CompressionMode.Decompress),
                _ => null,
            };
            if (s is null) return null;
            using (s)
            {
                var output = new MemoryStream();
                s.CopyTo(output);
                payload = output.ToArray();
            }
            return null;
        }
        catch (InvalidDataException ex)
        {
            return ex.Message;
        }
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "..." : s;

    /// <summary>A read-only stream that returns some bytes already taken from another stream, then the rest of it.</summary>
    private sealed class PrefixStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.Length > 0)
            {
                int n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }
            return rest.Read(buffer);
        }
    }

    /// <summary>A forward-only byte reader with line reading, one line of push-back and a position count.</summary>
    private sealed class ByteReader
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _pos, _len;
        private string? _unread;
        private long _unreadEnd;

        public ByteReader(Stream stream) => _stream = stream;

        /// <summary>Offset in the (uncompressed) archive of the next byte.</summary>
        public long Position { get; private set; }

        private bool Fill()
        {
            if (_pos < _len) return true;
            _len = _stream.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            return _len > 0;
        }

        /// <summary>Forgets buffered bytes after the underlying stream jumped (a skipped corrupt gzip member).</summary>
        public void Reset()
        {
            _pos = _len = 0;
            _unread = null;
        }

        public void Unread(string line, long start)
        {
            _unread = line;
            _unreadEnd = Position;
            Position = start;
        }

        /// <summary>Reads a line without its CR LF; null at the end. Lines longer than <paramref name="max"/> are cut.</summary>
        public string? ReadLine(int max)
        {
            if (_unread is not null)
            {
                string u = _unread;
                _unread = null;
                Position = _unreadEnd;
                return u;
            }
            var bytes = new List<byte>(128);
            bool any = false;
            while (Fill())
            {
                any = true;
                int nl = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
                int end = nl < 0 ? _len : nl;
                int take = Math.Min(end - _pos, Math.Max(0, max - bytes.Count));
                for (int i = 0; i < take; i++) bytes.Add(_buffer[_pos + i]);
                Position += end - _pos;
                _pos = end;
                if (nl >= 0)
                {
                    _pos++;
                    Position++;
                    break;
                }
            }
            if (!any) return null;
            if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        public int ReadExactly(byte[] target)
        {
            if (_unread is not null) throw new InvalidOperationException("unread line pending");
            int got = 0;
            while (got < target.Length && Fill())
            {
                int n = Math.Min(target.Length - got, _len - _pos);
                Buffer.BlockCopy(_buffer, _pos, target, got, n);
                _pos += n;
                got += n;
                Position += n;
            }
            return got;
        }

        public long Skip(long count)
        {
            long done = 0;
            while (done < count && Fill())
            {
                int n = (int)Math.Min(count - done, _len - _pos);
                _pos += n;
                done += n;
                Position += n;
            }
            return done;
        }
    }
}
