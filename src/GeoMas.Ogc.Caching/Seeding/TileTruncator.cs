using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>
/// Drops cached tiles on purpose (a restyled layer, a wrong import): by layer, optionally restricted to an area and
/// to a set and zoom range. It goes through the same path as data changes (<see cref="InvalidationCoordinator"/>), so
/// the shared store is purged and every running instance drops its L1. A whole layer (no area, no zooms) is a
/// revision bump: instant whatever the cache holds.
/// </summary>
public sealed class TileTruncator
{
    private readonly ICatalogProvider _catalog;
    private readonly InvalidationCoordinator _coordinator;
    private readonly CrsRegistry _crs;

    public TileTruncator(ICatalogProvider catalog, InvalidationCoordinator coordinator, CrsRegistry crs)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _coordinator = coordinator ?? throw new ArgumentNullException(nameof(coordinator));
        _crs = crs ?? throw new ArgumentNullException(nameof(crs));
    }

    /// <param name="tileMatrixSet">Null = every set.</param>
    /// <param name="minZoom">With <paramref name="maxZoom"/>: matrix indexes to truncate; null = all.</param>
    public async Task<InvalidationPlan> TruncateAsync(
        IReadOnlyList<string> layers, SeedArea? area, string? tileMatrixSet, int? minZoom, int? maxZoom, CancellationToken cancellationToken)
    {
        var snapshot = _catalog.Current;
        var dirt = new List<LayerDirt>();
        var whole = area is null && tileMatrixSet is null && minZoom is null && maxZoom is null;
        foreach (var id in layers)
        {
            var layer = snapshot.FindLayer(id) ?? throw new ArgumentException($"unknown layer '{id}'.");
            // A group's tiles are keyed by its members' revisions: truncating a group truncates what it draws.
            foreach (var member in snapshot.Expand(layer))
            {
                if (whole)
                {
                    dirt.Add(new LayerDirt(member.Id, null));
                    continue;
                }
                var box = area is null
                    ? member.Extent
                    : (area.Srid == member.Srid ? area.Geometry.EnvelopeInternal : _crs.GetTransform(area.Srid, member.Srid).TransformEnvelope(area.Geometry.EnvelopeInternal));
                dirt.Add(new LayerDirt(member.Id, [box]));
            }
        }
        var scope = whole ? null : new PlanScope(
            (set, matrix) => (tileMatrixSet is null || set.Id == tileMatrixSet) && InZooms(set, matrix, minZoom, maxZoom),
            MarginPixels: 0);
        return await _coordinator.ApplyAsync(dirt, scope, cancellationToken).ConfigureAwait(false);
    }

    private static bool InZooms(TileMatrixSet set, TileMatrix matrix, int? min, int? max)
    {
        var index = IndexOf(set, matrix);
        return index >= (min ?? 0) && index <= (max ?? int.MaxValue);
    }

    private static int IndexOf(TileMatrixSet set, TileMatrix matrix)
    {
        for (var i = 0; i < set.TileMatrices.Count; i++)
        {
            if (ReferenceEquals(set.TileMatrices[i], matrix))
                return i;
        }
        return -1;
    }
}
