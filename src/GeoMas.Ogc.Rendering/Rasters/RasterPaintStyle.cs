using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>How one raster layer is drawn: opacity (SE RasterSymbolizer) and resampling.</summary>
public sealed record RasterPaintStyle(double Opacity, RasterResampling Resampling)
{
    public static readonly RasterPaintStyle Default = new(1.0, RasterResampling.Bilinear);

    /// <summary>
    /// The first RasterSymbolizer of the rules visible at <paramref name="scaleDenominator"/> decides; its
    /// <c>resampling</c> vendor option beats the layer's option, which beats bilinear. Null when the style has
    /// rules but none is visible at this scale (nothing to draw); the default when there is no style at all.
    /// </summary>
    public static RasterPaintStyle? Resolve(LayerDefinition layer, Style? style, double scaleDenominator)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var resampling = layer.Resampling ?? RasterResampling.Bilinear;
        if (style is null || !style.AllRules.Any())
            return Default with { Resampling = resampling };
        foreach (var rule in style.AllRules)
        {
            if (!rule.AppliesAtScale(scaleDenominator))
                continue;
            foreach (var symbolizer in rule.Symbolizers.OfType<RasterSymbolizer>())
            {
                var chosen = symbolizer.VendorOptions.TryGetValue("resampling", out var name)
                    ? RasterResamplingNames.Parse(name) ?? resampling
                    : resampling;
                return new RasterPaintStyle(symbolizer.Opacity, chosen);
            }
        }
        return null;
    }
}
