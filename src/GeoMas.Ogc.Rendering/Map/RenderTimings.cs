using System.Diagnostics;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>
/// Where one render's time and allocations go (fetching rows, drawing geometry, collecting labels, placing labels,
/// encoding), logged at Debug level so a slow map can be explained without a profiler. Only created when Debug
/// logging is on: the timestamps cost a few nanoseconds per feature, the allocation counters are per thread and
/// exact because every measured phase runs synchronously between awaits.
/// </summary>
internal sealed class RenderTimings
{
    private readonly long[] _ticks = new long[PhaseCount];
    private readonly long[] _bytes = new long[PhaseCount];

    public const int Fetch = 0, Draw = 1, Text = 2, Labels = 3, Encode = 4;
    private const int PhaseCount = 5;
    private static readonly string[] Names = ["fetch", "draw (with text)", "text", "labels", "encode"];

    public int Features { get; set; }

    public void AddTicks(int phase, long ticks) => _ticks[phase] += ticks;

    /// <summary>Starts measuring a phase; dispose the returned scope to add its time and allocations.</summary>
    public Scope Measure(int phase) => new(this, phase);

    public override string ToString()
    {
        var parts = new string[PhaseCount];
        for (var i = 0; i < PhaseCount; i++)
            parts[i] = FormattableString.Invariant($"{Names[i]} {Stopwatch.GetElapsedTime(0, _ticks[i]).TotalMilliseconds:F1} ms/{_bytes[i] / 1024} KB");
        return FormattableString.Invariant($"{Features} features; ") + string.Join(", ", parts);
    }

    public readonly struct Scope : IDisposable
    {
        private readonly RenderTimings? _owner;
        private readonly int _phase;
        private readonly long _start;
        private readonly long _allocated;

        public Scope(RenderTimings? owner, int phase)
        {
            _owner = owner;
            _phase = phase;
            _start = owner is null ? 0 : Stopwatch.GetTimestamp();
            _allocated = owner is null ? 0 : GC.GetAllocatedBytesForCurrentThread();
        }

        public void Dispose()
        {
            if (_owner is null)
                return;
            _owner._ticks[_phase] += Stopwatch.GetTimestamp() - _start;
            _owner._bytes[_phase] += GC.GetAllocatedBytesForCurrentThread() - _allocated;
        }
    }
}
