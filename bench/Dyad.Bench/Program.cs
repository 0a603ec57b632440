using BenchmarkDotNet.Running;

namespace Dyad.Bench;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "breakdown")
        {
            SyntaxBreakdown.Run(args[1], args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
                args.Length >= 4 ? args[3] : null);
            return;
        }
        if (args.Length >= 4 && args[0] == "prune")
        {
            static float[] Floats(string s) => s.Split(',').Select(x => float.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            PruneSweep.Run(args[1], Floats(args[2]), Floats(args[3]));
            return;
        }
        if (args.Length >= 4 && args[0] == "prune-write")
        {
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            PruneWrite.Run(float.Parse(args[1], ci), float.Parse(args[2], ci), args[3]);
            return;
        }
        if (args.Length >= 1 && args[0] == "rows")
        {
            RowHistogram.Run(args.Length >= 2 ? args[1] : null);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
