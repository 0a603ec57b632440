using System.Diagnostics.CodeAnalysis;

namespace Dyad.Knowledge;

/// <summary>
/// A CAMEO actor code such as <c>USAGOV</c>, <c>RUSMIL</c>, <c>IGOUNO</c> or <c>USAGOVMIL</c>: a three-character root
/// (an ISO alpha-3 country, a CAMEO region, or a prefix such as IGO, NGO, IMG) followed by zero or more three-character
/// segments (sectors, organisations, ethnic or religious groups). Characters are upper-case ASCII letters or digits.
/// The default value is <see cref="Empty"/>.
/// </summary>
public readonly struct ActorCode : IEquatable<ActorCode>, IComparable<ActorCode>, ISpanFormattable
{
    /// <summary>Longest code accepted: a root and five segments.</summary>
    public const int MaxLength = 18;

    private readonly string? _value;

    private ActorCode(string value) => _value = value;

    public static ActorCode Empty => default;

    public bool IsEmpty => _value is null;

    /// <summary>The code text, "" when empty.</summary>
    public string Value => _value ?? "";

    public int Length => _value?.Length ?? 0;

    /// <summary>The first three characters: the country, region or IGO/NGO prefix.</summary>
    public ReadOnlySpan<char> Root => _value is null ? default : _value.AsSpan(0, 3);

    /// <summary>Number of three-character segments after the root.</summary>
    public int SegmentCount => _value is null ? 0 : _value.Length / 3 - 1;

    /// <summary>The segment at <paramref name="index"/> (0 = first after the root).</summary>
    public ReadOnlySpan<char> Segment(int index)
    {
        if ((uint)index >= (uint)SegmentCount) throw new ArgumentOutOfRangeException(nameof(index));
        return _value.AsSpan(3 + 3 * index, 3);
    }

    /// <summary>True when the code contains the three-character segment (after the root).</summary>
    public bool HasSegment(ReadOnlySpan<char> segment)
    {
        if (_value is null || segment.Length != 3) return false;
        for (int i = 3; i < _value.Length; i += 3)
            if (_value.AsSpan(i, 3).SequenceEqual(segment)) return true;
        return false;
    }

    /// <summary>This code with more segments appended ("USA" + "GOV" = "USAGOV"); segments already present are kept once.</summary>
    public ActorCode Append(ReadOnlySpan<char> segments)
    {
        if (_value is null) return Parse(segments);
        if (segments.IsEmpty) return this;
        if (!IsValidSegments(segments)) throw new FormatException($"'{segments}' is not a sequence of three-character CAMEO segments");
        Span<char> buffer = stackalloc char[MaxLength * 2];
        _value.AsSpan().CopyTo(buffer);
        int n = _value.Length;
        for (int i = 0; i < segments.Length; i += 3)
        {
            var seg = segments.Slice(i, 3);
            if (HasSegment(seg)) continue;
            if (n + 3 > MaxLength) throw new FormatException($"actor code '{_value}{segments}' is longer than {MaxLength} characters");
            seg.CopyTo(buffer[n..]);
            n += 3;
        }
        return n == _value.Length ? this : new ActorCode(KnownCodes.Intern(buffer[..n]));
    }

    public static ActorCode Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a CAMEO actor code (3 to {MaxLength} upper-case letters or digits, in groups of three)");

    public static ActorCode Parse(string text) => Parse(text.AsSpan());

    public static bool TryParse(ReadOnlySpan<char> text, out ActorCode code)
    {
        code = default;
        if (text.Length < 3 || text.Length > MaxLength || text.Length % 3 != 0) return false;
        foreach (char c in text)
            if (!IsCodeChar(c)) return false;
        code = new ActorCode(KnownCodes.Intern(text));
        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ActorCode code)
    {
        if (text is null) { code = default; return false; }
        return TryParse(text.AsSpan(), out code);
    }

    /// <summary>True for one or more three-character segments of upper-case letters or digits ("GOV", "GOVMIL").</summary>
    public static bool IsValidSegments(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.Length % 3 != 0 || text.Length > MaxLength) return false;
        foreach (char c in text)
            if (!IsCodeChar(c)) return false;
        return true;
    }

    private static bool IsCodeChar(char c) => c is >= 'A' and <= 'Z' or >= '0' and <= '9';

    public bool Equals(ActorCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is ActorCode other && Equals(other);
    public override int GetHashCode() => _value is null ? 0 : string.GetHashCode(_value, StringComparison.Ordinal);
    public int CompareTo(ActorCode other) => string.CompareOrdinal(_value, other._value);
    public static bool operator ==(ActorCode left, ActorCode right) => left.Equals(right);
    public static bool operator !=(ActorCode left, ActorCode right) => !left.Equals(right);
    public static bool operator <(ActorCode left, ActorCode right) => left.CompareTo(right) < 0;
    public static bool operator >(ActorCode left, ActorCode right) => left.CompareTo(right) > 0;
    public static bool operator <=(ActorCode left, ActorCode right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ActorCode left, ActorCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value;
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var v = Value;
        if (v.Length > destination.Length) { charsWritten = 0; return false; }
        v.AsSpan().CopyTo(destination);
        charsWritten = v.Length;
        return true;
    }

    /// <summary>Codes are few and repeated millions of times in output: keep one string per code.</summary>
    private static class KnownCodes
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Table = new(StringComparer.Ordinal);
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
            Table.GetAlternateLookup<ReadOnlySpan<char>>();

        public static string Intern(ReadOnlySpan<char> text)
        {
            if (Lookup.TryGetValue(text, out var s)) return s;
            if (Table.Count > 1_000_000) return text.ToString(); // never grow without bound on hostile input
            var created = text.ToString();
            return Table.GetOrAdd(created, created);
        }
    }
}
