using System.Runtime.InteropServices;

namespace Dyad.Syntax;

/// <summary>
/// Zeroed native memory for large read-mostly lookup tables, aligned to 2 MB and advised as transparent huge pages
/// on Linux (where the default THP mode is "madvise"), so random lookups in tens of MB of weights do not also miss
/// the TLB. Elsewhere, or when the advice fails, it is ordinary aligned memory.
/// </summary>
internal static unsafe partial class HugePages
{
    private const nuint Alignment = 2 * 1024 * 1024;
    private const int MadvHugePage = 14;
    private static bool s_adviseFailed;

    public static void* Alloc(nuint bytes)
    {
        bool large = bytes >= Alignment / 2;
        nuint size = large ? (bytes + Alignment - 1) & ~(Alignment - 1) : bytes;
        void* p = NativeMemory.AlignedAlloc(size, large ? Alignment : 64);
        if (large && OperatingSystem.IsLinux() && !s_adviseFailed)
        {
            try
            {
                madvise(p, size, MadvHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_adviseFailed = true;
            }
        }
        // Touch the pages after the advice so the first faults already get huge pages.
        NativeMemory.Clear(p, size);
        return p;
    }

    public static void Free(void* p) => NativeMemory.AlignedFree(p);

    [LibraryImport("libc", SetLastError = false)]
    private static partial int madvise(void* addr, nuint length, int advice);
}
