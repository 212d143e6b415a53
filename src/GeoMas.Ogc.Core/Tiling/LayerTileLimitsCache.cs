using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// <see cref="LayerTileLimits"/> memoised per (layer id, tile matrix set id): WMTS capabilities and every GetTile
/// need them, and a densified envelope transform per tile request would cost more than the cache lookup of the tile.
/// The layer's extent and SRID are stored with each entry, so a catalog reload that changes the extent recomputes
/// instead of serving stale limits. Singleton, thread-safe.
/// </summary>
public sealed class LayerTileLimitsCache
{
    private readonly ConcurrentDictionary<(string Layer, string Tms), Entry> _entries = new();
    private readonly CrsRegistry _crs;

    public LayerTileLimitsCache(CrsRegistry crs)
    {
        _crs = crs;
    }

    /// <summary>The limits of <paramref name="layer"/> in <paramref name="tms"/>, coarse to fine (see <see cref="LayerTileLimits.For"/>).</summary>
    public IReadOnlyList<TileMatrixLimits> Get(LayerDefinition layer, TileMatrixSet tms)
    {
        var key = (layer.Id, tms.Id);
        if (_entries.TryGetValue(key, out var entry) && entry.Matches(layer, tms))
        {
            return entry.Limits;
        }

        // Racing first requests may compute twice; the results are equal, and the computation is pure.
        var fresh = new Entry(new Envelope(layer.Extent), layer.Srid, tms, LayerTileLimits.For(layer, tms, _crs));
        _entries[key] = fresh;
        return fresh.Limits;
    }

    /// <summary>The limits of one matrix, or null when the layer has no tile in it.</summary>
    public TileMatrixLimits? Get(LayerDefinition layer, TileMatrixSet tms, string tileMatrix)
    {
        foreach (var limits in Get(layer, tms))
        {
            if (limits.TileMatrix == tileMatrix)
            {
                return limits;
            }
        }

        return null;
    }

    private sealed record Entry(Envelope Extent, int Srid, TileMatrixSet Tms, IReadOnlyList<TileMatrixLimits> Limits)
    {
        public bool Matches(LayerDefinition layer, TileMatrixSet tms) =>
            ReferenceEquals(Tms, tms) && Srid == layer.Srid && Extent.Equals(layer.Extent);
    }
}
