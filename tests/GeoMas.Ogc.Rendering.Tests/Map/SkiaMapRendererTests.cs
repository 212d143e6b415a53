using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using NetTopologySuite.Geometries;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Map;

public class SkiaMapRendererTests
{
    private static readonly PolygonSymbolizer RedFillBlueStroke = new()
    {
        Fill = new Fill(Red),
        Stroke = new Stroke { Color = Blue, Width = 4 },
    };

    [Fact]
    public async Task Polygon_is_filled_inside_stroked_on_its_edge_and_background_outside()
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700200, 700200 + 6600000 - 700000, 700800, 6600800));
        var layer = Layer(StyleOf(RuleOf(RedFillBlueStroke)));

        using var image = await RenderAsync(Renderer(source), Request(layer));

        Assert.True(Near(image.GetPixel(50, 50), Red), $"inside: {image.GetPixel(50, 50)}");
        Assert.True(Near(image.GetPixel(5, 5), RgbaColor.White), $"outside: {image.GetPixel(5, 5)}");
        Assert.True(Near(image.GetPixel(20, 50), Blue), $"edge: {image.GetPixel(20, 50)}");
        Assert.True(Near(image.GetPixel(80, 50), Blue), $"edge: {image.GetPixel(80, 50)}");
        Save(image, "polygon");
    }

    [Fact]
    public async Task Transparent_map_has_alpha_zero_where_nothing_is_drawn()
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700200, 6600200, 700800, 6600800));
        var layer = Layer(StyleOf(RuleOf(RedFillBlueStroke)));

        using var image = await RenderAsync(Renderer(source), Request(layer) with { Transparent = true });

        Assert.Equal(0, image.GetPixel(5, 5).Alpha);
        Assert.Equal(255, image.GetPixel(50, 50).Alpha);
    }

    [Fact]
    public async Task Opaque_map_is_filled_with_the_background_colour()
    {
        var layer = Layer(StyleOf(RuleOf(RedFillBlueStroke)));

        using var image = await RenderAsync(Renderer(new InMemoryFeatureSource()), Request(layer) with { Background = new RgbaColor(0, 0, 255) });

        Assert.True(Near(image.GetPixel(0, 0), Blue));
        Assert.True(Near(image.GetPixel(99, 99), Blue));
    }

    [Theory]
    [InlineData(8, 5)]
    [InlineData(1024, 768)]
    [InlineData(300, 50)]
    public async Task Output_size_is_exactly_the_requested_size(int width, int height)
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700200, 6600200, 700800, 6600800));
        var layer = Layer(StyleOf(RuleOf(RedFillBlueStroke)));

        using var image = await RenderAsync(Renderer(source), Request(layer, width, height));

        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
    }

    [Fact]
    public async Task Bbox_with_another_aspect_than_the_image_is_stretched_not_letterboxed()
    {
        // Left half of a 2000 m × 500 m bbox on a 100 × 100 image: x is squeezed, y stretched.
        var source = new InMemoryFeatureSource().Add("1", Box(700000, 6600000, 701000, 6600500));
        var layer = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Red) })));
        var request = Request(layer, 100, 100, new Envelope(700000, 702000, 6600000, 6600500));

        using var image = await RenderAsync(Renderer(source), request);

        Assert.True(Near(image.GetPixel(0, 0), Red));
        Assert.True(Near(image.GetPixel(49, 99), Red));
        Assert.True(Near(image.GetPixel(51, 0), RgbaColor.White));
    }

    [Fact]
    public async Task Bbox_edges_are_the_outer_edges_of_the_edge_pixels()
    {
        // A polygon exactly covering the bbox leaves no background pixel in the border rows and columns (WMS-M8).
        var source = new InMemoryFeatureSource().Add("1", Box(700000, 6600000, 700010, 6600007));
        var layer = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Red) })));
        var request = Request(layer, 10, 7, new Envelope(700000, 700010, 6600000, 6600007));

        using var image = await RenderAsync(Renderer(source), request);

        for (var x = 0; x < 10; x++)
        {
            Assert.True(Near(image.GetPixel(x, 0), Red, 2));
            Assert.True(Near(image.GetPixel(x, 6), Red, 2));
        }
        for (var y = 0; y < 7; y++)
        {
            Assert.True(Near(image.GetPixel(0, y), Red, 2));
            Assert.True(Near(image.GetPixel(9, y), Red, 2));
        }
    }

    [Fact]
    public async Task Rules_are_chosen_by_scale_denominator()
    {
        // 1000 m on 100 px = 10 m/px = 1:35714 at 0.28 mm pixels.
        var large = new Rule { Name = "large", MaxScaleDenominator = 30000, Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Red) }] };
        var small = new Rule { Name = "small", MinScaleDenominator = 30000, Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Green) }] };
        var source = new InMemoryFeatureSource().Add("1", Box(700000, 6600000, 701000, 6601000));
        var layer = Layer(StyleOf(large, small));
        var renderer = Renderer(source);

        using var at35k = await RenderAsync(renderer, Request(layer, 100, 100));
        using var at17k = await RenderAsync(renderer, Request(layer, 200, 200));

        Assert.True(Near(at35k.GetPixel(50, 50), Green));
        Assert.True(Near(at17k.GetPixel(100, 100), Red));
    }

    [Fact]
    public async Task Layer_outside_its_scale_range_or_without_applicable_rule_is_not_queried()
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700000, 6600000, 701000, 6601000));
        var onlyLarge = new Rule { MaxScaleDenominator = 1000, Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Red) }] };
        var noRule = Layer(StyleOf(onlyLarge));
        var outOfRange = Layer(StyleOf(RuleOf(RedFillBlueStroke))) with { MaxScaleDenominator = 5000 };
        var renderer = Renderer(source);

        using var a = await RenderAsync(renderer, Request(noRule));
        using var b = await RenderAsync(renderer, Request(outOfRange));

        Assert.Empty(source.Queries);
        Assert.True(Near(a.GetPixel(50, 50), RgbaColor.White));
        Assert.True(Near(b.GetPixel(50, 50), RgbaColor.White));
    }

    [Fact]
    public async Task Query_asks_only_the_needed_attributes_in_a_grown_bbox_with_the_limit()
    {
        var rule = new Rule
        {
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("kind"), new Literal("a")),
            Symbolizers =
            [
                new PointSymbolizer { Graphic = new Graphic { Symbols = [new Mark("circle", new Fill(Red), null)], Size = 20 } },
                new TextSymbolizer { Label = new PropertyName("name") },
            ],
        };
        var source = new InMemoryFeatureSource();
        var layer = Layer(StyleOf(rule), GeometryKind.Point, "kind", "name", "unused");
        var limits = new ServiceLimits { MaxFeaturesPerMap = 10 };

        await RenderAsync(Renderer(source, limits), Request(layer));

        var query = Assert.Single(source.Queries);
        Assert.Equal(["kind", "name"], query.Properties);
        Assert.Equal(11, query.Limit);
        Assert.Equal(2154, query.OutputSrid);
        Assert.Equal(2154, query.BboxSrid);
        // A 20 px circle reaches at least 10 px (100 m) outside the map.
        Assert.True(query.Bbox!.MinX <= 700000 - 100 && query.Bbox.MaxY >= 6601000 + 100, query.Bbox.ToString());
        Assert.Equal(5, query.SimplifyTolerance, 6); // half a 10 m pixel
        Assert.Equal(rule.Filter, query.Filter);
    }

    [Fact]
    public async Task Each_feature_type_style_is_drawn_over_the_previous_one_for_all_features()
    {
        // a and b overlap; the second FTS paints only a. In FTS order a's blue lies on top of b's green.
        var source = new InMemoryFeatureSource()
            .Add("a", Box(700100, 6600100, 700600, 6600600), ("name", "a"))
            .Add("b", Box(700400, 6600400, 700900, 6600900), ("name", "b"));
        var first = new FeatureTypeStyle([RuleOf(new PolygonSymbolizer { Fill = new Fill(Green) })]);
        var second = new FeatureTypeStyle([new Rule
        {
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("name"), new Literal("a")),
            Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Blue) }],
        }]);
        var layer = Layer(StyleOf(first, second), GeometryKind.Polygon, "name");

        using var image = await RenderAsync(Renderer(source), Request(layer));

        Assert.True(Near(image.GetPixel(50, 50), Blue), $"overlap: {image.GetPixel(50, 50)}");
        Assert.True(Near(image.GetPixel(80, 20), Green));
    }

    [Fact]
    public async Task Else_rule_draws_features_no_other_rule_matched()
    {
        var source = new InMemoryFeatureSource()
            .Add("a", Box(700000, 6600000, 700500, 6601000), ("kind", "x"))
            .Add("b", Box(700500, 6600000, 701000, 6601000), ("kind", "y"));
        var x = new Rule
        {
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("kind"), new Literal("x")),
            Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Red) }],
        };
        var other = new Rule { IsElseFilter = true, Symbolizers = [new PolygonSymbolizer { Fill = new Fill(Green) }] };
        var layer = Layer(StyleOf(x, other), GeometryKind.Polygon, "kind");

        using var image = await RenderAsync(Renderer(source), Request(layer));

        Assert.True(Near(image.GetPixel(25, 50), Red));
        Assert.True(Near(image.GetPixel(75, 50), Green));
        Assert.Null(source.Queries[0].Filter); // an else-rule needs every feature
    }

    [Fact]
    public async Task Stops_drawing_a_layer_beyond_the_feature_limit()
    {
        var source = new InMemoryFeatureSource()
            .Add("a", Box(700000, 6600000, 700500, 6601000))
            .Add("b", Box(700500, 6600000, 701000, 6601000));
        var layer = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Red) })));

        using var image = await RenderAsync(Renderer(source, new ServiceLimits { MaxFeaturesPerMap = 1 }), Request(layer));

        Assert.True(Near(image.GetPixel(25, 50), Red));
        Assert.True(Near(image.GetPixel(75, 50), RgbaColor.White));
    }

    [Fact]
    public async Task Raster_layers_are_skipped_without_error()
    {
        var source = new InMemoryFeatureSource();
        var layer = Layer(StyleOf(RuleOf(RedFillBlueStroke))) with { Kind = LayerKind.Raster };

        using var image = await RenderAsync(Renderer(source), Request(layer));

        Assert.Empty(source.Queries);
        Assert.Equal(100, image.Width);
    }

    [Fact]
    public async Task Cancelled_render_throws()
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700200, 6600200, 700800, 6600800));
        var layer = Layer(StyleOf(RuleOf(RedFillBlueStroke)));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RenderAsync(Renderer(source), Request(layer), cts.Token));
    }

    [Fact]
    public async Task Point_marks_are_drawn_at_their_size_and_lines_with_dashes()
    {
        var source = new InMemoryFeatureSource()
            .Add("p", Pt(700250, 6600750))
            .Add("l", Line((700000, 6600250), (701000, 6600250)));
        var style = StyleOf(RuleOf(
            new PointSymbolizer { Graphic = new Graphic { Symbols = [new Mark("circle", new Fill(Red), null)], Size = 20 } },
            new LineSymbolizer { Stroke = new Stroke { Color = Blue, Width = 4, DashArray = [10, 10] } }));
        var layer = Layer(style, GeometryKind.Point);

        using var image = await RenderAsync(Renderer(source), Request(layer));

        Assert.True(Near(image.GetPixel(25, 25), Red));
        Assert.True(Near(image.GetPixel(25 + 8, 25), Red));
        Assert.True(Near(image.GetPixel(25 + 12, 25), RgbaColor.White));
        // Dashes of 10 px on, 10 px off from x = 0.
        Assert.True(Near(image.GetPixel(5, 75), Blue));
        Assert.True(Near(image.GetPixel(15, 75), RgbaColor.White));
        Assert.True(Near(image.GetPixel(25, 75), Blue));
        Save(image, "marks-dashes");
    }

    [Fact]
    public async Task Metatile_buffer_is_rendered_and_cropped_off()
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700000, 6600000, 700500, 6601000));
        var layer = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Red) })));

        using var image = await RenderAsync(Renderer(source), Request(layer) with { Buffer = 16 });

        Assert.Equal(100, image.Width);
        Assert.Equal(100, image.Height);
        Assert.True(Near(image.GetPixel(0, 0), Red));
        Assert.True(Near(image.GetPixel(49, 99), Red));
        Assert.True(Near(image.GetPixel(51, 50), RgbaColor.White));
    }

    [Fact]
    public async Task Polygon_holes_stay_empty()
    {
        var shell = new LinearRing([new(700100, 6600100), new(700900, 6600100), new(700900, 6600900), new(700100, 6600900), new(700100, 6600100)]);
        var hole = new LinearRing([new(700400, 6600400), new(700600, 6600400), new(700600, 6600600), new(700400, 6600600), new(700400, 6600400)]);
        var source = new InMemoryFeatureSource().Add("1", Factory.CreatePolygon(shell, [hole]));
        var layer = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Red) })));

        using var image = await RenderAsync(Renderer(source), Request(layer));

        Assert.True(Near(image.GetPixel(50, 50), RgbaColor.White));
        Assert.True(Near(image.GetPixel(20, 50), Red));
    }

    [Fact]
    public async Task Fill_opacity_blends_with_the_background()
    {
        var source = new InMemoryFeatureSource().Add("1", Box(700000, 6600000, 701000, 6601000));
        var layer = Layer(StyleOf(RuleOf(new PolygonSymbolizer { Fill = new Fill(Blue, 0.5) })));

        using var image = await RenderAsync(Renderer(source), Request(layer));

        var p = image.GetPixel(50, 50);
        Assert.InRange(p.Red, 120, 135);
        Assert.Equal(255, p.Blue);
    }
}
