using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// The zoom levels of a tile matrix set at which a layer draws something, from its scale range with the WMS rule
/// (visible when MinScaleDenominator ≤ scale &lt; MaxScaleDenominator) applied to each matrix's scale denominator.
/// A group draws wherever any member does (its own range, when configured, wins).
/// </summary>
public static class XyzZoomRange
{
    public static (int MinZoom, int MaxZoom) For(LayerDefinition layer, CatalogSnapshot snapshot, TileMatrixSet tms)
    {
        var last = tms.TileMatrices.Count - 1;
        var ranges = layer.Kind == LayerKind.Group && layer.MinScaleDenominator is null && layer.MaxScaleDenominator is null
            ? snapshot.Expand(layer).Select(member => Of(member, tms)).ToList()
            : [Of(layer, tms)];
        var visible = ranges.Where(r => r is not null).Select(r => r!.Value).ToList();
        if (visible.Count == 0)
        {
            // Never visible in this set (a scale range between two levels): advertise the whole set rather than an
            // inverted range clients reject; the tiles are blank.
            return (0, last);
        }

        return (visible.Min(r => r.Min), visible.Max(r => r.Max));
    }

    private static (int Min, int Max)? Of(LayerDefinition layer, TileMatrixSet tms)
    {
        int? min = null;
        int? max = null;
        for (var z = 0; z < tms.TileMatrices.Count; z++)
        {
            var scale = tms.TileMatrices[z].ScaleDenominator;
            if ((layer.MinScaleDenominator is not { } lower || scale >= lower) && (layer.MaxScaleDenominator is not { } upper || scale < upper))
            {
                min ??= z;
                max = z;
            }
        }

        return min is null ? null : (min.Value, max!.Value);
    }
}
