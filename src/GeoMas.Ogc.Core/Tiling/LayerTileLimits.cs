using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// Which tiles of a tile matrix set hold a layer's data (WMTS TileMatrixSetLimits, TMS 2.0 tileMatrixSetLimits,
/// the "blank tile inside limits / TileOutOfRange outside" decision). Use <see cref="LayerTileLimitsCache"/> on
/// request paths; this computes.
/// </summary>
public static class LayerTileLimits
{
    /// <summary>
    /// The layer's native extent transformed to the TMS CRS (densified, clamped to where both CRSs are valid), then
    /// the tiles covering it in every matrix, coarse to fine. Matrices the extent does not reach are left out, so the
    /// list is empty when the layer lies outside the set.
    /// </summary>
    public static IReadOnlyList<TileMatrixLimits> For(LayerDefinition layer, TileMatrixSet tms, CrsRegistry crs)
    {
        var extent = ExtentIn(layer, tms.Srid, crs);
        if (extent.IsNull)
        {
            return [];
        }

        var limits = new List<TileMatrixLimits>(tms.TileMatrices.Count);
        foreach (var matrix in tms.TileMatrices)
        {
            if (TileMath.TileRange(matrix, extent) is { } range)
            {
                limits.Add(new TileMatrixLimits(matrix.Id, range.MinRow, range.MaxRow, range.MinCol, range.MaxCol));
            }
        }

        return limits;
    }

    /// <summary>The layer's extent in <paramref name="srid"/>; a null envelope when it has none or it lies outside that CRS's area.</summary>
    public static Envelope ExtentIn(LayerDefinition layer, int srid, CrsRegistry crs)
    {
        // A layer always has a native extent once the catalog is loaded; the geographic one is a fallback for
        // hand-built definitions.
        var (extent, from) = !layer.Extent.IsNull ? (layer.Extent, layer.Srid)
            : !layer.GeographicExtent.IsNull ? (layer.GeographicExtent, 4326)
            : (new Envelope(), 0);
        if (extent.IsNull)
        {
            return new Envelope();
        }

        return crs.GetTransform(from, srid).TransformEnvelope(extent);
    }
}
