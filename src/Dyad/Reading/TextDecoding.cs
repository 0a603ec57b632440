using System.Buffers;
using System.Text;

namespace Dyad.Reading;

/// <summary>Checks and decodes article bytes: refuses binary data and invalid UTF-8 with the offending offset.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Offset of the first NUL byte in the first 8 KiB, or -1.</summary>
    public static int FindNul(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 8192)].IndexOf((byte)0);

    /// <summary>Offset of the first byte that is not valid UTF-8, or -1.</summary>
    public static long FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return -1;
        long offset = 0;
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
            bytes = bytes[consumed..];
        }
        return -1;
    }

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;

    public static string Decode(ReadOnlySpan<byte> bytes) => Strict.GetString(bytes);
}
