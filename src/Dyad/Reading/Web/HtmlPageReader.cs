using System.IO.Compression;

namespace Dyad.Reading.Web;

/// <summary>Reads saved web pages: <c>.html</c>, <c>.htm</c>, <c>.xhtml</c>, and the same gzipped (<c>.html.gz</c>).</summary>
public sealed class HtmlPageReader
{
    private readonly WebReadOptions _options;

    /// <summary>Creates a reader with the given settings (defaults when null).</summary>
    public HtmlPageReader(WebReadOptions? options = null) => _options = options ?? WebReadOptions.Default;

    /// <summary>Reads one page file; yields exactly one result.</summary>
    public IEnumerable<WebReadResult> Read(string path) => WebFiles.Read(path, (stream, source) =>
    {
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return new[] { ReadBytes(bytes.ToArray(), source) };
    });

    /// <summary>Reads one page from bytes (gzipped or not); <paramref name="source"/> names it in messages.</summary>
    public WebReadResult ReadBytes(byte[] bytes, string source, string? url = null, string? declaredCharset = null)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            if (!GzipUtil.TryGunzip(bytes, _options.MaxPageBytes, out var plain, out string? gzError))
            {
                return WebReadResult.Fail(source, $"{source}: {gzError}");
            }
            bytes = plain;
        }
        if (bytes.LongLength > _options.MaxPageBytes)
        {
            return WebReadResult.Fail(source, $"{source}: page of {bytes.LongLength} bytes is over the limit of {_options.MaxPageBytes}");
        }
        if (!_options.ExtractorOrDefault.TryExtract(bytes, declaredCharset, url, out var article, out string? error))
        {
            return WebReadResult.Fail(source, $"{source}: {error}");
        }
        return _options.Finish(source, article);
    }
}

/// <summary>Whole-buffer gunzip that notices truncation, which <see cref="GZipStream"/> silently ignores.</summary>
internal static class GzipUtil
{
    public static bool TryGunzip(byte[] compressed, long maxBytes, out byte[] plain, out string? error)
    {
        plain = Array.Empty<byte>();
        try
        {
            using var gz = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = gz.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > maxBytes)
                {
                    error = $"gzip content is over the limit of {maxBytes} bytes";
                    return false;
                }
            }
            plain = output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            error = $"corrupt gzip data ({ex.Message})";
            return false;
        }
        // The trailer ends with the size of the last member mod 2^32; a cut-off file ends in compressed data instead.
        if (compressed.Length < 18)
        {
            error = "truncated gzip data (no trailer)";
            return false;
        }
        uint isize = BitConverter.ToUInt32(compressed, compressed.Length - 4);
        if (!BitConverter.IsLittleEndian) isize = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(isize);
        if (isize != (uint)plain.LongLength && isize > (ulong)plain.LongLength)
        {
            error = $"truncated gzip data: {plain.Length} bytes could be read before the data ended";
            return false;
        }
        if (isize != (uint)plain.LongLength && plain.LongLength < uint.MaxValue && !LooksMultiMember(compressed))
        {
            error = $"truncated gzip data: {plain.Length} bytes could be read before the data ended";
            return false;
        }
        error = null;
        return true;
    }

    // A second gzip header after the first one means concatenated members, whose trailer gives only the last size.
    private static bool LooksMultiMember(byte[] data)
    {
        for (int i = 10; i + 3 < data.Length; i++)
        {
            if (data[i] == 0x1F && data[i + 1] == 0x8B && data[i + 2] == 0x08 && (data[i + 3] & 0xE0) == 0) return true;
        }
        return false;
    }
}
