using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>
/// Seeding areas from the data itself: the union of the communes whose INSEE code, EPCI SIREN or département
/// matches, read through the <c>communes</c> layer like any other query (so it works on PostGIS and GeoPackage).
/// </summary>
public static class SeedAreaResolver
{
    public const string CommunesLayer = "communes";

    /// <param name="property">insee, epci or dep (columns of the communes layer).</param>
    /// <param name="value">One value, or several separated by commas (their union: "05061,05037").</param>
    public static async Task<SeedArea> FromCommunesAsync(
        CatalogSnapshot catalog, IFeatureSourceProvider sources, string property, string value, CancellationToken cancellationToken)
    {
        var layer = catalog.FindLayer(CommunesLayer)
            ?? throw new InvalidOperationException($"the catalog has no '{CommunesLayer}' layer to take the area from.");
        if (layer.FindAttribute(property) is null)
            throw new InvalidOperationException($"the '{CommunesLayer}' layer has no attribute '{property}'.");
        var query = new FeatureQuery
        {
            Layer = layer,
            Filter = new In(new PropertyName(property),
                value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (Expression)new Literal(v)).ToList()),
            Properties = [],
        };
        var geometries = new List<Geometry>();
        await foreach (var feature in sources.For(layer).QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (feature.Geometry is { IsEmpty: false } g)
                geometries.Add(g);
        }
        if (geometries.Count == 0)
            throw new InvalidOperationException($"no commune has {property} = '{value}'.");
        var union = UnaryUnionOp.Union(geometries);
        union.SRID = layer.Srid;
        return new SeedArea(union, layer.Srid, $"{property} {value} ({geometries.Count} commune(s))");
    }
}
