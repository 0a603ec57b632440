using System.Reflection;

namespace Dyad.Knowledge;

/// <summary>
/// One source file of the knowledge base: <see cref="Path"/> is relative to the data folder, with '/' separators
/// ("actors/countries.tsv"); <see cref="Text"/> its whole content. Which parser reads it follows from the path:
/// <c>actors/countries*.tsv</c>, <c>actors/organizations*.tsv</c>, <c>actors/agents*.tsv</c>,
/// <c>actors/people*.tsv</c> and <c>actors/people/*.tsv</c>, <c>gazetteer/cities*.tsv</c>; other files are not knowledge-base files.
/// </summary>
public sealed record KnowledgeFile(string Path, string Text)
{
    private const string ResourcePrefix = "dyad/";

    /// <summary>The knowledge-base files embedded in the Dyad assembly, sorted by path.</summary>
    public static IReadOnlyList<KnowledgeFile> Embedded()
    {
        var assembly = typeof(KnowledgeFile).Assembly;
        var list = new List<KnowledgeFile>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            if (KnowledgeFileKinds.Of(path) == KnowledgeFileKind.None) continue;
            list.Add(new KnowledgeFile(path, ReadResource(assembly, name)));
        }
        list.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    /// <summary>The knowledge-base files under <paramref name="dataDirectory"/> (a folder laid out like the repository's data/), sorted by path.</summary>
    public static IReadOnlyList<KnowledgeFile> FromDirectory(string dataDirectory)
    {
        var root = System.IO.Path.GetFullPath(dataDirectory);
        var list = new List<KnowledgeFile>();
        foreach (var file in Directory.EnumerateFiles(root, "*.tsv", SearchOption.AllDirectories))
        {
            var rel = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            if (KnowledgeFileKinds.Of(rel) == KnowledgeFileKind.None) continue;
            list.Add(new KnowledgeFile(rel, File.ReadAllText(file)));
        }
        list.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    /// <summary>
    /// <paramref name="baseFiles"/> with <paramref name="overrides"/> laid over them: an override with the same path
    /// replaces the base file, others are added. Sorted by path.
    /// </summary>
    public static IReadOnlyList<KnowledgeFile> Overlay(IEnumerable<KnowledgeFile> baseFiles, IEnumerable<KnowledgeFile> overrides)
    {
        var byPath = new SortedDictionary<string, KnowledgeFile>(StringComparer.Ordinal);
        foreach (var f in baseFiles) byPath[f.Path] = f;
        foreach (var f in overrides) byPath[f.Path] = f;
        return [.. byPath.Values];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

internal enum KnowledgeFileKind { None, Countries, Organizations, Agents, People, Cities }

internal static class KnowledgeFileKinds
{
    public static KnowledgeFileKind Of(string path)
    {
        if (!path.EndsWith(".tsv", StringComparison.Ordinal)) return KnowledgeFileKind.None;
        if (path.StartsWith("actors/people/", StringComparison.Ordinal)) return KnowledgeFileKind.People;
        if (path.Contains('/', StringComparison.Ordinal) && path.IndexOf('/', StringComparison.Ordinal) != path.LastIndexOf('/')) return KnowledgeFileKind.None;
        if (path.StartsWith("actors/countries", StringComparison.Ordinal)) return KnowledgeFileKind.Countries;
        if (path.StartsWith("actors/organizations", StringComparison.Ordinal)) return KnowledgeFileKind.Organizations;
        if (path.StartsWith("actors/agents", StringComparison.Ordinal)) return KnowledgeFileKind.Agents;
        if (path.StartsWith("actors/people", StringComparison.Ordinal)) return KnowledgeFileKind.People;
        if (path.StartsWith("gazetteer/cities", StringComparison.Ordinal)) return KnowledgeFileKind.Cities;
        return KnowledgeFileKind.None;
    }
}
