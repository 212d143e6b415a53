using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Map;

/// <summary>Semi-transparent strokes are composited once per symbolizer: overlaps are no darker than one stroke.</summary>
public class StrokeOpacityTests
{
    private static readonly Stroke HalfBlack = new() { Color = new RgbaColor(0, 0, 0), Width = 4, Opacity = 0.5 };

    [Fact]
    public async Task Shared_border_of_two_polygons_is_as_light_as_their_outer_border()
    {
        // Two boxes side by side sharing the edge x = 700500; 10 px per 100 m.
        var source = new InMemoryFeatureSource()
            .Add("w", Box(700200, 6600200, 700500, 6600800))
            .Add("e", Box(700500, 6600200, 700800, 6600800));
        var style = StyleOf(RuleOf(new PolygonSymbolizer { Stroke = HalfBlack }));
        using var image = await RenderAsync(Renderer(source), Request(Layer(style), 100, 100));
        Save(image, "stroke-opacity-shared-border");

        var outer = image.GetPixel(20, 50);   // west border, stroked once
        var shared = image.GetPixel(50, 50);  // stroked by both polygons
        Assert.InRange(outer.Red, 110, 145);  // half black over white
        Assert.InRange(shared.Red - outer.Red, -6, 6);
    }

    [Fact]
    public async Task Overlapping_translucent_lines_do_not_darken_where_they_cross_but_the_next_symbolizer_draws_on_top()
    {
        var source = new InMemoryFeatureSource()
            .Add("h", Line((700100, 6600500), (700900, 6600500)))
            .Add("v", Line((700500, 6600100), (700500, 6600900)));
        // A translucent band under an opaque thin red line, as the trail and commune styles do.
        var style = StyleOf(RuleOf(
            new LineSymbolizer { Stroke = HalfBlack with { Width = 6 } },
            new LineSymbolizer { Stroke = new Stroke { Color = new RgbaColor(255, 0, 0), Width = 2 } }));
        using var image = await RenderAsync(Renderer(source), Request(Layer(style, GeometryKind.Line), 100, 100));
        Save(image, "stroke-opacity-crossing");

        var single = image.GetPixel(30, 48);  // the horizontal band only, beside the red line
        var crossing = image.GetPixel(48, 48); // both bands
        Assert.InRange(crossing.Red - single.Red, -6, 6);
        // Every band, then every line: the red line of the horizontal feature is not covered by the band of the
        // vertical one where they cross.
        var red = image.GetPixel(48, 49);
        Assert.True(red.Red > 200 && red.Green < 80, $"red line expected, got {red}");
    }
}
