using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Labels;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Labels;

/// <summary>Glyphs along lines: spacing by advance widths, one upright rule per label, curvature limit.</summary>
public class PathGlyphLayoutTests
{
    // The renderer's font lookup: the platform default typeface may have no glyphs on a bare server.
    private static SKFont NewFont() => new(FontResolver.Resolve(new Font { Size = 12 }), 12) { Subpixel = true };

    private static SKPoint[] Arc(float radius, double fromDegrees, double toDegrees, int steps)
    {
        var points = new SKPoint[steps + 1];
        for (var i = 0; i <= steps; i++)
        {
            var a = (fromDegrees + (toDegrees - fromDegrees) * i / steps) * Math.PI / 180;
            points[i] = new SKPoint(300 + radius * (float)Math.Cos(a), 300 + radius * (float)Math.Sin(a));
        }
        return points;
    }

    [Theory]
    [InlineData(0, 0, 0, 100, true)]      // vertical, digitised downwards: read it bottom to top
    [InlineData(0, 100, 0, 0, false)]
    [InlineData(0, 0, 5, 100, true)]      // leaning slightly right but still near vertical: same rule
    [InlineData(5, 100, 0, 0, false)]
    [InlineData(0, 0, -5, 100, true)]
    [InlineData(0, 0, 100, 30, false)]    // ordinary lines read left to right
    [InlineData(100, 30, 0, 0, true)]
    public void Upright_rule_reads_left_to_right_and_near_vertical_lines_bottom_to_top(float x0, float y0, float x1, float y1, bool backwards) =>
        Assert.Equal(backwards, PathGlyphLayout.ReadsBackwards(new SKPoint(x0, y0), new SKPoint(x1, y1)));

    [Fact]
    public void Label_on_a_line_digitised_downwards_is_laid_bottom_to_top_for_every_glyph()
    {
        using var font = NewFont();
        var text = ShapedText.Shape("N85", font);
        SKPoint[] line = [new(100, 10), new(101, 60), new(100, 110)];
        if (PathGlyphLayout.ReadsBackwards(line[0], line[^1]))
            Array.Reverse(line);
        var layout = PathGlyphLayout.Create(line, text, 0, 4, 30);

        Assert.NotNull(layout);
        // Text direction straight up the screen (−90°) for all glyphs: never some glyphs one way, some the other.
        Assert.All(layout.Angles, a => Assert.InRange(a * 180 / Math.PI, -95, -85));
        Assert.True(layout.Centres[0].Y > layout.Centres[^1].Y, "the first glyph is at the bottom");
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(8f)]    // offset labels (SE PerpendicularOffset) are laid on the offset line, inner side of the bend…
    [InlineData(-8f)]   // …or outer side: the letters keep their spacing either way
    public void Glyphs_along_a_curve_keep_the_spacing_of_straight_text(float offset)
    {
        using var font = NewFont();
        var text = ShapedText.Shape("Balcons de Bassette", font);
        // A gentle bend digitised with uneven, short segments, like the trail lines.
        var arc = Polyline.Offset(Arc(150, 200, 270, 37), offset);
        var layout = PathGlyphLayout.Create(arc, text, 10, 4, 30);

        Assert.NotNull(layout);
        // The same text drawn straight: where each glyph starts, and where the text ends.
        var straight = font.GetGlyphPositions(text.Glyphs, SKPoint.Empty);
        var end = font.MeasureText("Balcons de Bassette");
        float Advance(int i) => (i + 1 < straight.Length ? straight[i + 1].X : end) - straight[i].X;
        Assert.Equal(end, text.Width, 2);
        for (var i = 1; i < text.Glyphs.Length; i++)
        {
            // Centre to centre along the line = half of each straight advance; the chord of a 150 px arc is within a hair.
            var expected = (Advance(i - 1) + Advance(i)) / 2;
            var actual = SKPoint.Distance(layout.Centres[i - 1], layout.Centres[i]);
            Assert.InRange(actual, expected - 0.25f, expected + 0.05f);
        }
    }

    [Fact]
    public void Spaces_and_italic_capitals_advance_like_straight_text()
    {
        using var font = new SKFont(FontResolver.Resolve(new Font { Size = 10, Style = FontStyle.Italic }), 10) { Subpixel = true };
        var text = ShapedText.Shape("Pas du Sapet", font);

        // The space between "Pas" and "du" moves the pen (its ink width is 0).
        Assert.InRange(text.Advances[3], 2f, 5f);
        Assert.Equal(font.MeasureText("Pas du Sapet"), text.Width, 2);
        Assert.Equal(font.MeasureText("P"), text.Advances[0], 2);
    }

    [Fact]
    public void A_sharp_bend_under_the_text_is_rejected()
    {
        using var font = NewFont();
        var text = ShapedText.Shape("Pic de Prorel", font);
        SKPoint[] corner = [new(0, 100), new(40, 100), new(40, 40)];

        Assert.Null(PathGlyphLayout.Create(corner, text, 0, 4, 30));
    }

    [Fact]
    public async Task Repeated_name_on_adjacent_features_is_drawn_once_per_repeat_distance()
    {
        var style = StyleOf(RuleOf(new TextSymbolizer
        {
            Label = new PropertyName("name"),
            Font = new Font { Size = 10 },
            Placement = new LinePlacement { IsRepeated = true },
            VendorOptions = new Dictionary<string, string> { ["repeat"] = "500" },
        }));
        // One trail split into three features end to end (each 160 px long at 2.5 m/px).
        var one = new InMemoryFeatureSource().Add("a", Line((700100, 6600500), (700500, 6600500)), ("name", "Pas du Sapet"));
        var three = new InMemoryFeatureSource()
            .Add("a", Line((700100, 6600500), (700500, 6600500)), ("name", "Pas du Sapet"))
            .Add("b", Line((700500, 6600500), (700900, 6600500)), ("name", "Pas du Sapet"))
            .Add("c", Line((700900, 6600500), (701300, 6600500)), ("name", "Pas du Sapet"));
        var layer = Layer(style, GeometryKind.Line, "name");
        var request = Request(layer, 600, 200, new NetTopologySuite.Geometries.Envelope(700000, 701500, 6600250, 6600750));

        using var single = await RenderAsync(Renderer(one), request);
        using var split = await RenderAsync(Renderer(three), request);
        Save(split, "label-repeat-split");

        Assert.True(CountDifferent(single, new RgbaColor(255, 255, 255)) > 20);
        Assert.Equal(CountDifferent(single, new RgbaColor(255, 255, 255)), CountDifferent(split, new RgbaColor(255, 255, 255)));
    }
}
