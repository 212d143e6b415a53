using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>Fills (colour or GraphicFill pattern) and outlines polygons; holes come from even-odd filling.</summary>
internal sealed class PolygonPainter : SymbolizerPainter<PolygonSymbolizer>
{
    protected override void Paint(RenderContext context, PolygonSymbolizer symbolizer, DrawableFeature feature)
    {
        if (feature.IsPuntal)
            return;
        var canvas = context.Canvas;
        var displaced = symbolizer.DisplacementX != 0 || symbolizer.DisplacementY != 0;
        if (displaced)
        {
            canvas.Save();
            canvas.Translate(context.ToPixels(symbolizer.DisplacementX, symbolizer.Uom), -context.ToPixels(symbolizer.DisplacementY, symbolizer.Uom));
        }
        if (symbolizer.Fill is { } fill)
            canvas.DrawPath(feature.Path, context.Paints.Fill(fill, symbolizer.Uom));
        if (symbolizer.Stroke is { } stroke)
            StrokePainter.Draw(context, stroke, symbolizer.Uom, feature, symbolizer.PerpendicularOffset);
        if (displaced)
            canvas.Restore();
    }

    protected override double Reach(RenderContext context, PolygonSymbolizer symbolizer)
    {
        var reach = symbolizer.Stroke is { } stroke ? StrokePainter.Reach(context, stroke, symbolizer.Uom, symbolizer.PerpendicularOffset) : 0;
        return reach + context.ToPixels(Math.Abs(symbolizer.DisplacementX) + Math.Abs(symbolizer.DisplacementY), symbolizer.Uom);
    }
}
