using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features;

/// <summary>
/// One row of a layer. <see cref="Values"/> is aligned with the property names of the query that produced it
/// (<see cref="FeatureQuery.EffectiveProperties"/>), so no dictionary is built per feature on hot paths.
/// </summary>
public sealed class Feature(string id, Geometry? geometry, object?[] values)
{
    public string Id { get; } = id;
    /// <summary>In the query's output SRID (native when none was asked).</summary>
    public Geometry? Geometry { get; } = geometry;
    public object?[] Values { get; } = values;
}
