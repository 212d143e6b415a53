using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Legends;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Legends;

public class SkiaLegendRendererTests
{
    private static readonly Style TwoRules = StyleOf(
        new Rule { Name = "urban", Title = "Zone urbaine", MaxScaleDenominator = 50000, Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Red), Stroke = new Stroke() }] },
        new Rule { Name = "natural", Title = "Zone naturelle et forestière", Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Green) }] });

    private static LegendRequest Request(Style style, GeometryKind kind = GeometryKind.Polygon) => new()
    {
        Layer = Layer(style, kind),
        Style = new LayerStyle(style.Name, style.Title, "", "", style),
    };

    private static async Task<SKBitmap> RenderAsync(LegendRequest request)
    {
        using var output = new MemoryStream();
        await new SkiaLegendRenderer().RenderAsync(request, output, CancellationToken.None);
        return SKBitmap.Decode(output.ToArray());
    }

    [Theory]
    [InlineData(20, 20, null)]
    [InlineData(32, 16, null)]
    [InlineData(20, 20, 100000.0)]
    public async Task Measure_returns_the_size_of_the_rendered_image(int w, int h, double? scale)
    {
        var request = Request(TwoRules) with { SymbolWidth = w, SymbolHeight = h, ScaleDenominator = scale };

        var size = new SkiaLegendRenderer().Measure(request);
        using var image = await RenderAsync(request);

        Assert.Equal(size.Width, image.Width);
        Assert.Equal(size.Height, image.Height);
    }

    [Fact]
    public async Task One_row_per_rule_with_its_swatch()
    {
        var request = Request(TwoRules) with { Transparent = false };
        using var image = await RenderAsync(request);
        Save(image, "legend");

        // Row 1 swatch at (2..22, 2..22), row 2 below it.
        Assert.True(Near(image.GetPixel(12, 12), Red));
        Assert.True(Near(image.GetPixel(12, 12 + 22), Green));
        Assert.True(image.Width > 100); // titles written beside the swatches
    }

    [Fact]
    public async Task Scale_and_rule_name_select_rows()
    {
        var renderer = new SkiaLegendRenderer();
        var all = renderer.Measure(Request(TwoRules));
        var atSmallScale = renderer.Measure(Request(TwoRules) with { ScaleDenominator = 100000 });
        var one = renderer.Measure(Request(TwoRules) with { RuleName = "urban" });

        Assert.True(atSmallScale.Height < all.Height);
        Assert.Equal(atSmallScale.Height, one.Height);
        using var image = await RenderAsync(Request(TwoRules) with { RuleName = "urban", Transparent = false });
        Assert.True(Near(image.GetPixel(12, 12), Red));
    }

    [Fact]
    public async Task Line_and_point_layers_get_line_and_point_swatches()
    {
        var line = StyleOf(RuleOf(new LineSymbolizer { Stroke = new Stroke { Color = Blue, Width = 3 } }));
        var point = StyleOf(RuleOf(new PointSymbolizer { Graphic = new Graphic { Symbols = [new Mark("circle", new Fill(Red), null)], Size = 10 } }));

        using var lineImage = await RenderAsync(Request(line, GeometryKind.Line));
        using var pointImage = await RenderAsync(Request(point, GeometryKind.Point));

        Assert.True(Near(pointImage.GetPixel(12, 12), Red));
        Assert.Equal(0, pointImage.GetPixel(3, 3).Alpha);
        Assert.True(Near(lineImage.GetPixel(12, 12), Blue, 60), lineImage.GetPixel(12, 12).ToString());
        Assert.Equal(0, lineImage.GetPixel(4, 4).Alpha); // the line runs from the lower left to the upper right
    }
}
