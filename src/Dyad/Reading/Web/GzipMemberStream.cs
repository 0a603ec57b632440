using System.IO.Compression;

namespace Dyad.Reading.Web;

/// <summary>
/// Decompresses concatenated gzip members (as WARC files are written) and survives a corrupt member: the compressed
/// input is handed to the decompressor in pieces that never cross a possible member start, so when a member turns
/// out corrupt, the next member starts at or after the point reached. <see cref="Read(byte[], int, int)"/> then ends
/// (returns 0) and <see cref="TryResume"/> restarts at the next member, telling what was skipped.
/// </summary>
internal sealed class GzipMemberStream : ReadOnlyStream
{
    private readonly Stream _raw;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos, _len;
    private long _bufferStart;          // raw offset of _buffer[0]
    private int _nextHeader = -1;       // index in _buffer of the next possible member start after _pos, or -1 if none yet
    private int _scanFrom;              // index in _buffer where the search for the next member start goes on
    private bool _rawEnded;
    private GZipStream _gzip;
    private bool _failed;
    private long _failedAt;
    private string? _failure;
    private bool _atEnd;

    public GzipMemberStream(Stream raw)
    {
        _raw = raw;
        _gzip = new GZipStream(new Feeder(this), CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>True after a corrupt member ended the data; <see cref="TryResume"/> may go on.</summary>
    public bool Failed => _failed;

    /// <summary>Offset in the compressed file reached so far.</summary>
    public long CompressedPosition => _bufferStart + _pos;

    public override int Read(Span<byte> buffer)
    {
        if (_failed || _atEnd) return 0;
        try
        {
            int n = _gzip.Read(buffer);
            if (n == 0) _atEnd = true;
            return n;
        }
        catch (InvalidDataException ex)
        {
            _failed = true;
            _failedAt = CompressedPosition;
            _failure = ex.Message;
            return 0;
        }
    }

    /// <summary>
    /// After a failure, restarts decompression at the next gzip member. Returns false when there is none; either way
    /// <paramref name="message"/> says what happened.
    /// </summary>
    public bool TryResume(out string message)
    {
        message = string.Empty;
        if (!_failed) return false;
        _failed = false;
        _gzip.Dispose();
        int start = FindHeader(_pos);
        while (start < 0 && Refill())
        {
            start = FindHeader(_pos);
        }
        if (start < 0)
        {
            _atEnd = true;
            message = $"corrupt gzip data before compressed offset {_failedAt} ({_failure}); no later gzip member, the rest of the file is skipped";
            return false;
        }
        _pos = start;
        _nextHeader = -1;
        _scanFrom = start + 1;
        message = $"corrupt gzip data before compressed offset {_failedAt} ({_failure}); resumed at the gzip member at offset {_bufferStart + start}";
        _gzip = new GZipStream(new Feeder(this), CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    // Moves unread bytes to the front and reads more; false at the end of the raw stream.
    private bool Refill()
    {
        if (_pos > 0)
        {
            int keep = _len - _pos;
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, keep);
            _bufferStart += _pos;
            if (_nextHeader >= 0) _nextHeader -= _pos;
            _scanFrom = Math.Max(0, _scanFrom - _pos);
            _len = keep;
            _pos = 0;
        }
        if (_len == _buffer.Length) return false;
        int n = _raw.Read(_buffer, _len, _buffer.Length - _len);
        if (n <= 0)
        {
            _rawEnded = true;
            return false;
        }
        _len += n;
        return true;
    }

    // The first possible gzip member header at or after index from, among the buffered bytes (-1: none yet).
    private int FindHeader(int from)
    {
        for (int i = from; i + 10 <= _len; i++)
        {
            i = Array.IndexOf(_buffer, (byte)0x1F, i, _len - i);
            if (i < 0 || i + 10 > _len) return -1;
            if (_buffer[i + 1] == 0x8B && _buffer[i + 2] == 8 && (_buffer[i + 3] & 0xE0) == 0 && _buffer[i + 8] is 0 or 2 or 4 && (_buffer[i + 9] <= 13 || _buffer[i + 9] == 255))
            {
                return i;
            }
        }
        return -1;
    }

    // Hands compressed bytes to the decompressor, stopping at each possible member start.
    private int Feed(Span<byte> target)
    {
        if (!_rawEnded && (_len - _pos < 10 || (_nextHeader <= _pos && _len - _pos < 4096))) Refill();
        if (_pos >= _len) return 0;
        if (_nextHeader <= _pos)
        {
            _nextHeader = FindHeader(Math.Max(_pos + 1, _scanFrom));
            _scanFrom = _nextHeader >= 0 ? _nextHeader + 1 : Math.Max(_pos + 1, _len - 9);
        }
        int limit = _nextHeader > _pos ? _nextHeader : _rawEnded ? _len : Math.Max(_pos + 1, _len - 9);
        int n = Math.Min(target.Length, limit - _pos);
        _buffer.AsSpan(_pos, n).CopyTo(target);
        _pos += n;
        return n;
    }

    private sealed class Feeder(GzipMemberStream owner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => owner.Feed(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}
