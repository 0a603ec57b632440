using System.Diagnostics.CodeAnalysis;

namespace Dyad.Coding;

/// <summary>A CAMEO event code: two to four digits whose first two are a root from 01 to 20 (e.g. "04", "041", "1384").</summary>
public readonly struct CameoCode : IEquatable<CameoCode>
{
    private readonly string? _value;

    private CameoCode(string value) => _value = value;

    public string Value => _value ?? "";
    /// <summary>The two-digit root code, e.g. "04".</summary>
    public string Root => Value.Length >= 2 ? Value[..2] : "";
    /// <summary>The three-digit base code, e.g. "041" for "0411", or the root for a root code.</summary>
    public string Base => Value.Length >= 3 ? Value[..3] : Value;

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out CameoCode code)
    {
        code = default;
        if (text.Length is < 2 or > 4) return false;
        foreach (char c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        int root = (text[0] - '0') * 10 + (text[1] - '0');
        if (root is < 1 or > 20) return false;
        code = new CameoCode(text.ToString());
        return true;
    }

    public static CameoCode Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a CAMEO event code (2-4 digits, root 01-20)");

    public bool Equals(CameoCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is CameoCode c && Equals(c);
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
    public static bool operator ==(CameoCode a, CameoCode b) => a.Equals(b);
    public static bool operator !=(CameoCode a, CameoCode b) => !a.Equals(b);
    public override string ToString() => Value;
}
