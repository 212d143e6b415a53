using System.Globalization;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Labels;
using GeoMas.Ogc.Rendering.Map;
using NetTopologySuite.Algorithm;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>
/// Turns TextSymbolizers into label candidates; nothing is drawn here, the placer draws after all layers.
/// Polygons large enough for it to matter are labelled at their visual centre (the centre of the largest inscribed
/// circle, "pole of inaccessibility"), which reads better than a centroid on L-shaped or concave shapes: of the part
/// inside the map for WMS, of the whole polygon for tiles (so metatiles agree).
/// </summary>
internal sealed class TextPainter : SymbolizerPainter<TextSymbolizer>
{
    // Below this size (pixels, smaller side) polygons get a plain interior point instead of the visual centre.
    private const double LargePolygonPixels = 48;

    // The same in tiles, where the anchor depends on the whole polygon anyway: a parcel at 1:2000 is 50–150 px, its
    // number reads the same at either point, and the visual-centre search on every parcel of a metatile was most of
    // the time its label placement took. (In a WMS map the search runs on the visible part of the polygon, so a
    // parcel cut by the map edge keeps its number: the interior point of the whole parcel may lie outside.)
    private const double LargeTilePolygonPixels = 96;

    protected override void Paint(RenderContext context, TextSymbolizer symbolizer, DrawableFeature feature)
    {
        using var timing = new RenderTimings.Scope(context.Timings, RenderTimings.Text);
        if (!context.TextFunctions.TryGetValue(symbolizer, out var compiled))
            return;
        var text = compiled.Label(feature.Feature);
        if (string.IsNullOrWhiteSpace(text))
            return;
        var priority = compiled.Priority is { } p ? ToPriority(p(feature.Feature)) : 0;
        var style = context.Labels.StyleFor(symbolizer);

        if (style.IsLinePlacement && !feature.IsPuntal)
        {
            // A polygon labelled along its outline uses the exterior ring; a multi-line its longest part.
            var line = feature.IsPolygonal ? feature.Parts.FirstOrDefault() : DrawableFeature.LongestPart(feature.Parts);
            if (line is { Length: >= 2 })
                context.Labels.Add(text, style, priority, line[line.Length / 2], line);
            return;
        }

        if (feature.IsPolygonal)
        {
            if (VisualCentre(context, feature) is { } centre)
                context.Labels.Add(text, style, priority, centre, null);
            return;
        }

        var anchors = context.ScratchPoints;
        feature.AnchorPoints(anchors);
        foreach (var anchor in anchors)
            context.Labels.Add(text, style, priority, anchor, null);
    }

    protected override double Reach(RenderContext context, TextSymbolizer symbolizer)
    {
        // Labels crossing the image edge are dropped (or drawn in the metatile buffer), so features whose anchor
        // lies outside the map never need fetching: only a displacement can bring an outside anchor's text inside.
        var halo = symbolizer.Halo?.Radius ?? 0;
        return symbolizer.Placement is PointPlacement point
            ? context.ToPixels(Math.Abs(point.DisplacementX) + Math.Abs(point.DisplacementY) + halo, symbolizer.Uom)
            : context.ToPixels(halo, symbolizer.Uom);
    }

    private static SKPoint? VisualCentre(RenderContext context, DrawableFeature feature)
    {
        var viewport = context.Viewport;
        var tiled = viewport.Buffer > 0;
        if (Math.Min(feature.PixelWidth, feature.PixelHeight) < (tiled ? LargeTilePolygonPixels : LargePolygonPixels))
        {
            // Small shapes: any inside point is as good to the eye, and InteriorPoint is far cheaper than
            // searching for the visual centre.
            var centre = InteriorPoint.GetInteriorCoord(feature.Geometry);
            return centre is null ? null : new SKPoint(viewport.X(centre.X), viewport.Y(centre.Y));
        }
        if (tiled)
        {
            // Tiles: every metatile that sees the polygon must put its label at the same place, or neighbouring
            // tiles show it twice or cut; so the anchor depends on the whole polygon only, never on the canvas.
            return WholePolygonCentre(feature);
        }
        // A single WMS image: the visual centre of the part inside the map, so a polygon larger than the view is
        // still labelled where it is seen. To a couple of pixels (finer is invisible).
        return PolygonLabelPoint.Find(feature.Parts, SKRect.Create(viewport.CanvasWidth, viewport.CanvasHeight), 2f);
    }

    /// <summary>
    /// The visual centre of the whole polygon, found on rings expressed in pixels relative to the polygon's own
    /// envelope corner: the same feature at the same scale gives bit-identical input (hence the same point) in every
    /// metatile, whatever its offset on the canvas. Precision grows with the polygon so a commune seen at z17 costs
    /// no more than at z13 (2.5% of its size is still invisible at that size: the label sits well inside either way).
    /// </summary>
    private static SKPoint? WholePolygonCentre(DrawableFeature feature)
    {
        var viewport = feature.Viewport;
        var env = feature.Geometry.EnvelopeInternal;
        var precision = Math.Max(2f, (float)Math.Min(feature.PixelWidth, feature.PixelHeight) / 40);
        // Relative to the envelope corner, so it can be remembered for every render at this scale.
        var local = WholePolygonAnchors.GetOrFind(feature.Geometry, viewport.ScaleX, viewport.ScaleY, precision, () =>
        {
            var rings = LocalRings.Of(feature.Geometry, env.MinX, env.MaxY, viewport.ScaleX, viewport.ScaleY);
            var whole = new SKRect(-1, -1, (float)feature.PixelWidth + 1, (float)feature.PixelHeight + 1);
            return PolygonLabelPoint.Find(rings, whole, precision);
        });
        return local is { } p ? new SKPoint(viewport.X(env.MinX) + p.X, viewport.Y(env.MaxY) + p.Y) : null;
    }

    private static double ToPriority(object? value) => value switch
    {
        null => 0,
        double d => d,
        IConvertible c when value is not string => c.ToDouble(CultureInfo.InvariantCulture),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => 0,
    };
}
