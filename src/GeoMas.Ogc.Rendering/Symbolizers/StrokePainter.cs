using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>Strokes a feature's lines or rings: plain/dashed paths, perpendicular offsets, repeated graphics.</summary>
internal static class StrokePainter
{
    public static void Draw(RenderContext context, Stroke stroke, UnitOfMeasure uom, DrawableFeature feature, double perpendicularOffset)
    {
        var canvas = context.Canvas;
        if (stroke.GraphicStroke is { } graphic)
        {
            DrawGraphicStroke(context, graphic, uom, feature, (float)context.ToPixels(perpendicularOffset, uom));
            return;
        }
        var paint = context.OpaqueStrokes ? context.Paints.OpaqueStroke(stroke, uom) : context.Paints.Stroke(stroke, uom);
        if (perpendicularOffset == 0)
        {
            canvas.DrawPath(feature.Path, paint);
            return;
        }
        var offset = context.ToPixels(perpendicularOffset, uom);
        foreach (var part in feature.Parts)
        {
            using var path = Polyline.ToPath(Polyline.Offset(part, offset));
            canvas.DrawPath(path, paint);
        }
    }

    /// <summary>SE GraphicStroke: the graphic repeated along the line, one symbol width apart, turned with the line.</summary>
    private static void DrawGraphicStroke(RenderContext context, Graphic graphic, UnitOfMeasure uom, DrawableFeature feature, float offset)
    {
        var size = GraphicPainter.Measure(context, graphic, uom);
        var step = Math.Max(1f, size.Width);
        foreach (var original in feature.Parts)
        {
            var part = offset == 0 ? original : Polyline.Offset(original, offset);
            var length = Polyline.Length(part);
            for (var d = step / 2; d <= length - step / 2 + 0.01; d += step)
            {
                var at = Polyline.PointAt(part, d);
                var angle = (float)(Polyline.AngleAt(part, d) * 180 / Math.PI);
                GraphicPainter.Draw(context, graphic, uom, at, angle);
            }
        }
    }

    /// <summary>
    /// The opacity to draw a symbolizer's layer with when it is a plain semi-transparent stroke and nothing else
    /// (a line, or a polygon outline without fill); 1 otherwise. Such strokes are drawn opaque into one layer per
    /// symbolizer, so shared borders and overlapping line ends do not darken (see <see cref="SymbolizerLayers"/>).
    /// </summary>
    public static float LayerOpacity(Symbolizer symbolizer)
    {
        var stroke = symbolizer switch
        {
            LineSymbolizer line => line.Stroke,
            PolygonSymbolizer { Fill: null } polygon => polygon.Stroke,
            _ => null,
        };
        return stroke is { GraphicStroke: null, Opacity: < 1 and >= 0 } ? (float)stroke.Opacity : 1f;
    }

    public static double Reach(RenderContext context, Stroke stroke, UnitOfMeasure uom, double perpendicularOffset)
    {
        var half = stroke.GraphicStroke is { } g ? GraphicPainter.Reach(context, g, uom) : context.ToPixels(stroke.Width, uom) / 2.0;
        // Miter joins can stick out up to the miter limit (4 × half width in Skia).
        if (stroke.LineJoin == LineJoin.Miter)
            half *= 4;
        return half + Math.Abs(context.ToPixels(perpendicularOffset, uom)) + 1;
    }
}
