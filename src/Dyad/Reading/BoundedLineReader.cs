namespace Dyad.Reading;

/// <summary>Splits a byte stream into lines without ever holding more than a bounded line in memory.</summary>
internal static class BoundedLineReader
{
    internal readonly record struct Line(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong);

    public static IEnumerable<Line> ReadLines(Stream stream, int maxLineBytes)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        bool tooLong = false;
        long number = 1;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int nl = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                int end = nl < 0 ? read : nl;
                if (!tooLong)
                {
                    if (line.Length + (end - start) > maxLineBytes)
                    {
                        tooLong = true;
                        line.SetLength(0);
                    }
                    else
                    {
                        line.Write(buffer, start, end - start);
                    }
                }
                if (nl < 0) break;
                yield return new Line(number, new ReadOnlyMemory<byte>(line.GetBuffer(), 0, (int)line.Length), tooLong);
                number++;
                line.SetLength(0);
                tooLong = false;
                start = nl + 1;
            }
        }
        if (line.Length > 0 || tooLong)
        {
            yield return new Line(number, new ReadOnlyMemory<byte>(line.GetBuffer(), 0, (int)line.Length), tooLong);
        }
    }
}
