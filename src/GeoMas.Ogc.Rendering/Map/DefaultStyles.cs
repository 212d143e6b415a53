using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>What a vector layer without any configured style looks like (GeoServer-like neutral defaults).</summary>
internal static class DefaultStyles
{
    private static readonly RgbaColor Grey = new(0xAA, 0xAA, 0xAA);
    private static readonly RgbaColor Dark = new(0x33, 0x33, 0x33);

    private static readonly Style Polygon = Single(new PolygonSymbolizer { Fill = new Fill(Grey), Stroke = new Stroke { Color = Dark, Width = 0.5 } });
    private static readonly Style Line = Single(new LineSymbolizer { Stroke = new Stroke { Color = new RgbaColor(0x00, 0x00, 0xFF), Width = 1 } });
    private static readonly Style Point = Single(new PointSymbolizer
    {
        Graphic = new Graphic { Symbols = [new Mark("square", new Fill(Grey), new Stroke { Color = Dark, Width = 1 })], Size = 6 },
    });

    public static Style For(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => Point,
        GeometryKind.Line => Line,
        _ => Polygon,
    };

    private static Style Single(Symbolizer symbolizer) =>
        new("default", "Default", "", [new FeatureTypeStyle([new Rule { Name = "default", Title = "Default", Symbolizers = [symbolizer] }])]);
}
