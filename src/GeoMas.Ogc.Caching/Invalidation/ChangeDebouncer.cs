using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// Coalesces dirty areas per layer: a layer is due <see cref="InvalidationOptions.DebounceMilliseconds"/> after its
/// last change, or <see cref="InvalidationOptions.MaxWaitMilliseconds"/> after its first one while changes keep
/// coming (an editor saving parcel after parcel, a long import committing in batches). Rectangles are kept apart (two
/// edits at both ends of the département stay two small areas) up to <see cref="InvalidationOptions.MaxDirtyRectangles"/>,
/// then merged into their union. Thread-safe; time is passed in, so the rules are testable without waiting.
/// </summary>
public sealed class ChangeDebouncer
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly TimeSpan _debounce;
    private readonly TimeSpan _maxWait;
    private readonly int _maxRectangles;

    public ChangeDebouncer(InvalidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _debounce = TimeSpan.FromMilliseconds(Math.Max(0, options.DebounceMilliseconds));
        _maxWait = TimeSpan.FromMilliseconds(Math.Max(options.DebounceMilliseconds, options.MaxWaitMilliseconds));
        _maxRectangles = Math.Max(1, options.MaxDirtyRectangles);
    }

    /// <summary>Records a change of <paramref name="layerId"/>; <paramref name="area"/> null = the whole layer.</summary>
    public void Add(string layerId, Envelope? area, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(layerId, out var pending))
                _pending[layerId] = pending = new Pending(now);
            pending.Last = now;
            if (pending.Areas is null)
                return;
            if (area is null)
            {
                pending.Areas = null;
                return;
            }
            pending.Areas.Add(area);
            if (pending.Areas.Count > _maxRectangles)
            {
                var union = new Envelope();
                foreach (var a in pending.Areas)
                    union.ExpandToInclude(a);
                pending.Areas.Clear();
                pending.Areas.Add(union);
            }
        }
    }

    /// <summary>When the next layer becomes due; null when nothing is pending.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
                return _pending.Count == 0 ? null : _pending.Values.Min(DueAt);
        }
    }

    /// <summary>Removes and returns the layers due at <paramref name="now"/>.</summary>
    public IReadOnlyList<LayerDirt> TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            List<LayerDirt>? due = null;
            foreach (var (layer, pending) in _pending)
            {
                if (DueAt(pending) <= now)
                    (due ??= []).Add(new LayerDirt(layer, pending.Areas is null ? null : [.. pending.Areas]));
            }
            if (due is null)
                return [];
            foreach (var d in due)
                _pending.Remove(d.LayerId);
            return due;
        }
    }

    private DateTimeOffset DueAt(Pending p)
    {
        var quiet = p.Last + _debounce;
        var cap = p.First + _maxWait;
        return quiet < cap ? quiet : cap;
    }

    private sealed class Pending(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public List<Envelope>? Areas { get; set; } = [];
    }
}
