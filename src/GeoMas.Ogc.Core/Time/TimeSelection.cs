namespace GeoMas.Ogc.Core.Time;

/// <summary>An instant or a closed interval of days (WMS TIME, OGC API datetime). Open ends are null.</summary>
public sealed record TimeRange(DateTimeOffset? Start, DateTimeOffset? End)
{
    public bool IsInstant => Start is not null && Start == End;
    public static TimeRange Instant(DateTimeOffset t) => new(t, t);
}

/// <summary>
/// What the client asked for on a time-enabled layer. <see cref="Ranges"/> empty = default (in force today).
/// A row matches when its validity [start, end) meets any of the ranges.
/// </summary>
public sealed record TimeSelection(IReadOnlyList<TimeRange> Ranges)
{
    public static TimeSelection Current { get; } = new([]);
    public bool IsCurrent => Ranges.Count == 0;
}
