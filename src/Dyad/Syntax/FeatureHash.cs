using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dyad.Syntax;

/// <summary>Deterministic 32-bit hashing of feature templates and strings (murmur3-style mixing).</summary>
internal static class FeatureHash
{
    private const uint C1 = 0xcc9e2d51, C2 = 0x1b873593;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint h, uint v)
    {
        v *= C1;
        v = BitOperations.RotateLeft(v, 15);
        v *= C2;
        h ^= v;
        h = BitOperations.RotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Final(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h == 0 ? 1u : h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F(uint template, uint a) => Final(Mix(Mix(0x9747b28c, template), a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F(uint template, uint a, uint b) => Final(Mix(Mix(Mix(0x9747b28c, template), a), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F(uint template, uint a, uint b, uint c) =>
        Final(Mix(Mix(Mix(Mix(0x9747b28c, template), a), b), c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F(uint template, uint a, uint b, uint c, uint d) =>
        Final(Mix(Mix(Mix(Mix(Mix(0x9747b28c, template), a), b), c), d));

    /// <summary>Hash of a character span.</summary>
    public static uint Chars(ReadOnlySpan<char> s)
    {
        uint h = 0x2f1a3b5c;
        foreach (char c in s)
            h = Mix(h, c);
        return Final(Mix(h, (uint)s.Length));
    }

    /// <summary>Hash of a character span, lower-cased (invariant).</summary>
    public static uint LowerChars(ReadOnlySpan<char> s)
    {
        uint h = 0x2f1a3b5c;
        foreach (char c in s)
            h = Mix(h, char.ToLowerInvariant(c));
        return Final(Mix(h, (uint)s.Length));
    }
}
