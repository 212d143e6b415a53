using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GeoMas.Ogc.Sources.GeoPackage;

/// <summary>
/// One spatial test of a query, evaluated by NTS inside SQLite (through <see cref="SqliteQueryFunctions"/>).
/// Argument order follows PostGIS: the feature geometry first, the literal second, so both sources agree.
/// </summary>
internal sealed class SpatialPredicate(SpatialOperator op, Geometry literal, double? distance)
{
    private readonly IPreparedGeometry _prepared = PreparedGeometryFactory.Prepare(literal);

    public bool Evaluate(Geometry feature) => op switch
    {
        SpatialOperator.Intersects or SpatialOperator.BBox => _prepared.Intersects(feature),
        SpatialOperator.Disjoint => !_prepared.Intersects(feature),
        SpatialOperator.Contains => _prepared.Within(feature),
        SpatialOperator.Within => _prepared.Contains(feature),
        SpatialOperator.Touches => _prepared.Touches(feature),
        SpatialOperator.Crosses => feature.Crosses(literal),
        SpatialOperator.Overlaps => _prepared.Overlaps(feature),
        SpatialOperator.Equals => feature.EqualsTopologically(literal),
        SpatialOperator.DWithin => feature.IsWithinDistance(literal, distance!.Value),
        SpatialOperator.Beyond => !feature.IsWithinDistance(literal, distance!.Value),
        _ => throw new NotSupportedException(op.ToString()),
    };
}
