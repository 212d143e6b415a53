using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>Strokes lines, and polygon outlines when a LineSymbolizer is applied to polygons.</summary>
internal sealed class LinePainter : SymbolizerPainter<LineSymbolizer>
{
    protected override void Paint(RenderContext context, LineSymbolizer symbolizer, DrawableFeature feature)
    {
        if (feature.IsPuntal)
            return;
        StrokePainter.Draw(context, symbolizer.Stroke, symbolizer.Uom, feature, symbolizer.PerpendicularOffset);
    }

    protected override double Reach(RenderContext context, LineSymbolizer symbolizer) =>
        StrokePainter.Reach(context, symbolizer.Stroke, symbolizer.Uom, symbolizer.PerpendicularOffset);
}
