using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>
/// The raster step of <see cref="SkiaMapRenderer"/>: for a raster layer of a map (alone or in a group, drawn in
/// its place in the layer order, so under the vector layers above it), applies the layer's scale range and style
/// and paints its source.
/// </summary>
internal sealed class RasterLayerDrawer(IRasterSourceProvider sources, CrsRegistry crs)
{
    private readonly RasterLayerPainter _painter = new(crs);

    /// <param name="pixels">The pixels <paramref name="canvas"/> draws into when it is the render surface's canvas (enables the direct resampler), else null.</param>
    public async Task DrawAsync(SKCanvas canvas, SKPixmap? pixels, MapViewport viewport, MapLayer mapLayer, int mapSrid, CancellationToken cancellationToken)
    {
        var layer = mapLayer.Layer;
        var scale = viewport.ScaleDenominator;
        if ((layer.MinScaleDenominator is { } min && scale < min) || (layer.MaxScaleDenominator is { } max && scale >= max))
            return;
        var style = RasterPaintStyle.Resolve(layer, (mapLayer.Style ?? layer.DefaultStyle)?.Model, scale);
        if (style is null)
            return;
        await _painter.PaintAsync(canvas, viewport, mapSrid, sources.For(layer), style, cancellationToken, pixels).ConfigureAwait(false);
    }
}
