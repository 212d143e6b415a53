using System.Globalization;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>
/// The live progress line: tiles done/total, tiles/s, ETA. On a terminal it is redrawn in place (\r) several times a
/// second; otherwise (CI logs, redirected stderr) one line every few seconds, so logs stay readable.
/// </summary>
public sealed class SeedProgress
{
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly long _interval;
    private long _done;
    private long _skipped;
    private long _lastPrint;
    private long _metatiles;
    private long _failed;

    public SeedProgress(TextWriter output, bool interactive, long total, TimeProvider? clock = null)
    {
        _output = output;
        _interactive = interactive;
        Total = total;
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetTimestamp();
        var interval = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        _interval = (long)(interval.TotalSeconds * _clock.TimestampFrequency);
    }

    public long Total { get; }

    public long Done => Interlocked.Read(ref _done);

    /// <summary>Metatile requests made by this run, and how many failed.</summary>
    public long Metatiles => Interlocked.Read(ref _metatiles);

    public long Failed => Interlocked.Read(ref _failed);

    public void MetatileDone() => Interlocked.Increment(ref _metatiles);

    public void MetatileFailed() => Interlocked.Increment(ref _failed);

    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>Tiles per second over the tiles this run did (resumed ones excluded).</summary>
    public double Rate => (Done - Interlocked.Read(ref _skipped)) / Math.Max(Elapsed.TotalSeconds, 1e-3);

    /// <summary>Tiles already done by an earlier, interrupted run.</summary>
    public void Resumed(long tiles)
    {
        Interlocked.Add(ref _done, tiles);
        Interlocked.Add(ref _skipped, tiles);
    }

    public void Add(long tiles)
    {
        Interlocked.Add(ref _done, tiles);
        var now = _clock.GetTimestamp() - _started;
        var last = Interlocked.Read(ref _lastPrint);
        if (now - last < _interval || Interlocked.CompareExchange(ref _lastPrint, now, last) != last)
            return;
        Print(final: false);
    }

    public void Finish() => Print(final: true);

    public string Line()
    {
        var done = Done;
        var rate = Rate;
        var eta = rate > 0 ? TimeSpan.FromSeconds((Total - done) / rate) : TimeSpan.Zero;
        var percent = Total == 0 ? 100 : 100.0 * done / Total;
        return string.Create(CultureInfo.InvariantCulture,
            $"{done}/{Total} tiles ({percent:0.0} %), {rate:0.0} tiles/s, elapsed {Format(Elapsed)}, ETA {Format(eta)}");
    }

    private void Print(bool final)
    {
        lock (_output)
        {
            if (_interactive)
                _output.Write("\r" + Line().PadRight(100) + (final ? "\n" : ""));
            else
                _output.WriteLine(Line());
            _output.Flush();
        }
    }

    private static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
