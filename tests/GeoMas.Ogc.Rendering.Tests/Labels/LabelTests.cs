using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Labels;

public class LabelTests
{
    private static readonly Font Font14 = new() { Size = 14 };

    private static Style PointLabels(Halo? halo = null, Expression? priority = null, Dictionary<string, string>? options = null) => StyleOf(RuleOf(
        new TextSymbolizer
        {
            Label = new PropertyName("name"),
            Font = Font14,
            Halo = halo,
            Priority = priority,
            VendorOptions = options ?? [],
        }));

    private static async Task<SKBitmap> RenderPointsAsync(Style style, params (double X, double Y, string Name, string Rank)[] points)
    {
        var source = new InMemoryFeatureSource();
        foreach (var (x, y, name, rank) in points)
            source.Add(name + x, Pt(x, y), ("name", name), ("rank", rank));
        var layer = Layer(style, GeometryKind.Point, "name", "rank");
        return await RenderAsync(Renderer(source), Request(layer, 200, 200));
    }

    private static int DarkPixels(SKBitmap image, SKRectI? area = null)
    {
        var r = area ?? new SKRectI(0, 0, image.Width, image.Height);
        var n = 0;
        for (var y = r.Top; y < r.Bottom; y++)
            for (var x = r.Left; x < r.Right; x++)
            {
                var p = image.GetPixel(x, y);
                if (p.Red < 100 && p.Green < 100 && p.Blue < 100)
                    n++;
            }
        return n;
    }

    [Fact]
    public async Task Point_label_is_drawn_centred_on_its_anchor()
    {
        using var image = await RenderPointsAsync(PointLabels(), (700500, 6600500, "Marseille", "1"));
        Save(image, "label-point");

        // 200 px map of 1000 m: the point is at pixel (100, 100).
        Assert.True(DarkPixels(image, new SKRectI(60, 90, 140, 110)) > 30);
        Assert.Equal(0, DarkPixels(image, new SKRectI(0, 0, 200, 80)));
    }

    [Fact]
    public async Task Overlapping_labels_collide_and_only_one_is_drawn()
    {
        using var single = await RenderPointsAsync(PointLabels(), (700500, 6600500, "Marseille", "1"));
        using var both = await RenderPointsAsync(PointLabels(), (700500, 6600500, "Marseille", "1"), (700510, 6600505, "Marseille", "2"));

        Assert.Equal(DarkPixels(single), DarkPixels(both));
    }

    [Fact]
    public async Task Labels_far_apart_are_both_drawn()
    {
        using var single = await RenderPointsAsync(PointLabels(), (700500, 6600300, "Aix", "1"));
        using var both = await RenderPointsAsync(PointLabels(), (700500, 6600300, "Aix", "1"), (700500, 6600700, "Aix", "2"));

        Assert.Equal(2 * DarkPixels(single), DarkPixels(both));
    }

    [Fact]
    public async Task Higher_priority_label_wins_the_collision()
    {
        var style = PointLabels(priority: new PropertyName("rank"));
        using var image = await RenderPointsAsync(style, (700500, 6600500, "Aaaaaa", "1"), (700500, 6600500, "Zzzzzz", "5"));
        using var zOnly = await RenderPointsAsync(style, (700500, 6600500, "Zzzzzz", "5"));

        Assert.Equal(DarkPixels(zOnly), DarkPixels(image));
    }

    [Fact]
    public async Task Conflict_resolution_off_draws_overlapping_labels()
    {
        var style = PointLabels(options: new Dictionary<string, string> { ["conflictResolution"] = "false" });
        using var single = await RenderPointsAsync(style, (700500, 6600500, "Marseille", "1"));
        using var both = await RenderPointsAsync(style, (700500, 6600500, "Marseille", "1"), (700500, 6600550, "Marseille", "2"));

        Assert.True(DarkPixels(both) > DarkPixels(single));
    }

    [Fact]
    public async Task Halo_is_drawn_around_the_text()
    {
        var halo = new Halo(2, new Fill(Blue));
        using var image = await RenderPointsAsync(PointLabels(halo), (700500, 6600500, "Marseille", "1"));

        var blue = 0;
        for (var y = 80; y < 120; y++)
            for (var x = 40; x < 160; x++)
                if (Near(image.GetPixel(x, y), Blue, 30))
                    blue++;
        Assert.True(blue > 50, $"halo pixels: {blue}");
        Save(image, "label-halo");
    }

    [Fact]
    public async Task Label_crossing_the_image_edge_is_dropped()
    {
        using var image = await RenderPointsAsync(PointLabels(), (700005, 6600500, "Marseille", "1"));

        Assert.Equal(0, DarkPixels(image));
    }

    [Fact]
    public async Task Labels_are_drawn_above_all_layers()
    {
        var source = new InMemoryFeatureSource().Add("p", Pt(700500, 6600500), ("name", "Marseille"));
        var cover = new InMemoryFeatureSource().Add("c", Box(700000, 6600000, 701000, 6601000));
        var labels = Layer(PointLabels(), GeometryKind.Point, "name") with { Id = "labels" };
        var top = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Green) })), GeometryKind.Polygon) with { Id = "cover" };
        var provider = new RoutingProvider(new() { ["labels"] = source, ["cover"] = cover });
        var renderer = new Rendering.Map.SkiaMapRenderer(provider, Crs, new ServiceLimits());
        var request = Request(labels, 200, 200) with { Layers = [new MapLayer(labels, null), new MapLayer(top, null)] };

        using var image = await RenderAsync(renderer, request);

        Assert.True(DarkPixels(image) > 30);
    }

    [Fact]
    public async Task Line_label_follows_the_line_and_needs_enough_length()
    {
        var style = StyleOf(RuleOf(
            new LineSymbolizer { Stroke = new Stroke { Color = new RgbaColor(200, 200, 200), Width = 8 } },
            new TextSymbolizer { Label = new PropertyName("name"), Font = Font14, Placement = new LinePlacement() }));
        var source = new InMemoryFeatureSource()
            .Add("long", Line((700100, 6600100), (700900, 6600900)), ("name", "Chemin des Crêtes"))
            .Add("short", Line((700100, 6600800), (700150, 6600810)), ("name", "Chemin des Crêtes bis"));
        var layer = Layer(style, GeometryKind.Line, "name");

        using var image = await RenderAsync(Renderer(source), Request(layer, 200, 200));

        // The long diagonal carries text around its middle (100, 100); the 10 px line carries none.
        Assert.True(DarkPixels(image, new SKRectI(70, 70, 130, 130)) > 30);
        Assert.Equal(0, DarkPixels(image, new SKRectI(15, 30, 40, 45)));
        Save(image, "label-line");
    }

    private sealed class RoutingProvider(Dictionary<string, InMemoryFeatureSource> sources) : Core.Features.IFeatureSourceProvider
    {
        public Core.Features.IFeatureSource For(LayerDefinition layer) => sources[layer.Id];
    }
}
