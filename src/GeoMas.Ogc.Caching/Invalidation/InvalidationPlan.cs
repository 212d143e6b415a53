namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// What to do about changed data: drop these tile positions (<c>layer/tms/matrix/row/col</c>, the changed layer's
/// and every group's containing it) and bump these layers' revisions (too many positions, or the whole layer).
/// </summary>
public sealed record InvalidationPlan(IReadOnlyList<string> Positions, IReadOnlyList<string> BumpLayers)
{
    public static InvalidationPlan Empty { get; } = new([], []);

    public bool IsEmpty => Positions.Count == 0 && BumpLayers.Count == 0;
}
