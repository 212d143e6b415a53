using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>Stateless (the registry is shared by concurrent renders). Draws a Graphic on points, at the middle of lines and at an interior point of polygons.</summary>
internal sealed class PointPainter : SymbolizerPainter<PointSymbolizer>
{
    protected override void Paint(RenderContext context, PointSymbolizer symbolizer, DrawableFeature feature)
    {
        var anchors = context.ScratchPoints;
        feature.AnchorPoints(anchors);
        foreach (var at in anchors)
            GraphicPainter.Draw(context, symbolizer.Graphic, symbolizer.Uom, at);
    }

    protected override double Reach(RenderContext context, PointSymbolizer symbolizer) =>
        GraphicPainter.Reach(context, symbolizer.Graphic, symbolizer.Uom);
}
