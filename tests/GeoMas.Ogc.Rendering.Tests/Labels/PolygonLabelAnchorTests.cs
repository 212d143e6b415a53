using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using NetTopologySuite.Geometries;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Labels;

/// <summary>Metatiles: a large polygon's label sits at the same world position whatever window is rendered.</summary>
public class PolygonLabelAnchorTests
{
    private static readonly RgbaColor White = new(255, 255, 255);

    private static async Task<SKBitmap> RenderWindowAsync(Envelope bbox, int buffer)
    {
        var source = new InMemoryFeatureSource();
        // Larger than either canvas: the visual centre of the part each canvas sees differs from the whole one's.
        source.Add("c", Box(700000, 6600000, 701000, 6601000), ("name", "Selonnet"));
        var style = StyleOf(RuleOf(new TextSymbolizer { Label = new PropertyName("name"), Font = new Font { Size = 12 } }));
        var request = Request(Layer(style, GeometryKind.Polygon, "name"), 120, 120, bbox) with { Buffer = buffer, Background = White };
        return await RenderAsync(Renderer(source), request);
    }

    [Fact]
    public async Task Two_buffered_windows_over_one_polygon_draw_its_label_at_the_same_place()
    {
        // 5 m per pixel, 80 m buffer; the windows overlap on the 400 m square 700300..700700 × 6600300..6600700
        // (80 px), around the polygon's centre.
        using var a = await RenderWindowAsync(new Envelope(700100, 700700, 6600100, 6600700), 16);
        using var b = await RenderWindowAsync(new Envelope(700300, 700900, 6600300, 6600900), 16);
        Save(a, "label-anchor-a");
        Save(b, "label-anchor-b");

        int inked = 0, differing = 0;
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < 80; x++)
            {
                var pa = a.GetPixel(40 + x, y);
                var pb = b.GetPixel(x, 40 + y);
                if (!Near(pa, White, 40))
                    inked++;
                if (Math.Abs(pa.Red - pb.Red) + Math.Abs(pa.Green - pb.Green) + Math.Abs(pa.Blue - pb.Blue) > 24)
                    differing++;
            }
        }
        Assert.True(inked > 20, $"the label should cross the shared square ({inked} inked pixels)");
        Assert.Equal(0, differing);
    }
}
