namespace Dyad.Tests.Support;

/// <summary>
/// Locates the developers' shared data folder (<c>shared/data</c> beside the repository checkout, found by walking up
/// from the test binaries). Users who clone the project do not have it; tests that need it use
/// <see cref="SharedDataFactAttribute"/> so they skip with a clear message instead of failing.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The absolute <c>shared/data</c> folder, or null when absent.</summary>
    public static string? Root => s_root.Value;

    /// <summary>
    /// The absolute path of <paramref name="relative"/> under <c>shared/data</c> (e.g. "ud-english-ewt/en_ewt-ud-dev.conllu"),
    /// or null when the shared folder or that entry is missing.
    /// </summary>
    public static string? Path(string relative)
    {
        if (Root == null)
            return null;
        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));
        return File.Exists(full) || Directory.Exists(full) ? full : null;
    }

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
                return candidate;
            dir = dir.Parent;
        }
        return null;
    }
}

/// <summary>
/// A fact that runs only when the shared data entry <c>relative</c> exists (see <see cref="SharedData"/>); otherwise
/// it is skipped with a message naming the missing folder.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (SharedData.Path(relative) == null)
            Skip = $"Needs ../shared/data/{relative} beside the repository (developer data, absent in this checkout).";
    }
}
