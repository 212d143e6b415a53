using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.TestSupport;

/// <summary>Builders for hand-made layers, styles and map requests in Lambert-93 (EPSG:2154) metres.</summary>
internal static class TestMaps
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);
    public static readonly CrsRegistry Crs = new();

    public static readonly RgbaColor Red = new(255, 0, 0);
    public static readonly RgbaColor Green = new(0, 255, 0);
    public static readonly RgbaColor Blue = new(0, 0, 255);

    public static Polygon Box(double minX, double minY, double maxX, double maxY) =>
        Factory.CreatePolygon([new(minX, minY), new(maxX, minY), new(maxX, maxY), new(minX, maxY), new(minX, minY)]);

    public static LineString Line(params (double X, double Y)[] points) =>
        Factory.CreateLineString(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());

    public static Point Pt(double x, double y) => Factory.CreatePoint(new Coordinate(x, y));

    public static Style StyleOf(params Rule[] rules) => new("test", "Test", "", [new FeatureTypeStyle(rules)]);

    public static Style StyleOf(params FeatureTypeStyle[] passes) => new("test", "Test", "", passes);

    public static Rule RuleOf(params Symbolizer[] symbolizers) => new() { Name = "r", Title = "Rule", Symbolizers = symbolizers };

    public static LayerDefinition Layer(Style style, GeometryKind kind = GeometryKind.Polygon, params string[] attributes) => new()
    {
        Id = "test",
        Title = "Test",
        GeometryKind = kind,
        Srid = 2154,
        Attributes = attributes.Select(a => new AttributeDefinition(a, AttributeType.String)).ToArray(),
        Styles = [new LayerStyle(style.Name, style.Title, "", "", style)],
    };

    /// <summary>A map of the 1000 m square (700000..701000, 6600000..6601000) at the given size.</summary>
    public static MapRequest Request(LayerDefinition layer, int width = 100, int height = 100, Envelope? bbox = null) => new()
    {
        Bbox = bbox ?? new Envelope(700000, 701000, 6600000, 6601000),
        Srid = 2154,
        Width = width,
        Height = height,
        Layers = [new MapLayer(layer, null)],
    };

    public static SkiaMapRenderer Renderer(InMemoryFeatureSource source, ServiceLimits? limits = null) =>
        new(source, Crs, limits ?? new ServiceLimits());

    public static async Task<SKBitmap> RenderAsync(SkiaMapRenderer renderer, MapRequest request, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await renderer.RenderAsync(request, output, cancellationToken);
        return SKBitmap.Decode(output.ToArray()) ?? throw new InvalidOperationException("The output does not decode.");
    }

    public static bool Near(SKColor actual, RgbaColor expected, int tolerance = 8) =>
        Math.Abs(actual.Red - expected.R) <= tolerance && Math.Abs(actual.Green - expected.G) <= tolerance &&
        Math.Abs(actual.Blue - expected.B) <= tolerance && Math.Abs(actual.Alpha - expected.A) <= tolerance;

    /// <summary>Pixels that are clearly not the given background (text, strokes…).</summary>
    public static int CountDifferent(SKBitmap bitmap, RgbaColor background, int tolerance = 40)
    {
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (!Near(bitmap.GetPixel(x, y), background, tolerance))
                    n++;
        return n;
    }

    public static void Save(SKBitmap bitmap, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "geomas-render-tests");
        Directory.CreateDirectory(dir);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(dir, name + ".png"), data.ToArray());
    }
}
