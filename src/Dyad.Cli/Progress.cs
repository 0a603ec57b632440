using System.Diagnostics;
using System.Globalization;

namespace Dyad.Cli;

/// <summary>A one-line progress display on standard error, drawn only when it is a terminal.</summary>
internal sealed class Progress : IDisposable
{
    private readonly CliContext _ctx;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    public Progress(CliContext ctx)
    {
        _ctx = ctx;
        _enabled = ctx.ErrorIsTerminal;
    }

    public void Update(long articles, string? current)
    {
        if (!_enabled) return;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 200) return;
        _lastDraw = now;
        double rate = articles / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        string where = current is null ? "" : Path.GetFileName(current);
        if (where.Length > 40) where = where[..40];
        _ctx.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[2K  {articles:N0} articles  {rate:N0}/s  {where}"));
        _drawn = true;
    }

    public void Dispose()
    {
        if (_drawn) _ctx.Error.Write("\r\u001b[2K");
    }
}
