using System.Reflection;

namespace Dyad.Util;

/// <summary>Opens the knowledge files and models compiled into the library (logical names "dyad/&lt;path under data/&gt;").</summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static Stream Open(string relativePath)
    {
        string name = "dyad/" + relativePath.Replace('\\', '/');
        return Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data '{name}' is missing from the build");
    }

    public static bool Exists(string relativePath) =>
        Assembly.GetManifestResourceInfo("dyad/" + relativePath.Replace('\\', '/')) is not null;

    /// <summary>Reads the lines of an embedded text file.</summary>
    public static IEnumerable<string> ReadLines(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        while (reader.ReadLine() is { } line) yield return line;
    }
}
