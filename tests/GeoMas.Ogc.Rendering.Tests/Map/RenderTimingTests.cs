using System.Diagnostics;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using NetTopologySuite.Geometries;
using Xunit.Abstractions;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Map;

/// <summary>
/// Render timings on synthetic parcels (printed; the bound only catches pathological regressions, since CI
/// machines vary). 1000 irregular 8-vertex polygons with fill, outline and labels.
/// </summary>
public class RenderTimingTests(ITestOutputHelper output)
{
    private static InMemoryFeatureSource Parcels(int count, Envelope extent, int seed = 42)
    {
        var random = new Random(seed);
        var source = new InMemoryFeatureSource();
        var side = Math.Sqrt(extent.Width * extent.Height / count);
        for (var i = 0; i < count; i++)
        {
            var cx = extent.MinX + random.NextDouble() * extent.Width;
            var cy = extent.MinY + random.NextDouble() * extent.Height;
            var ring = new Coordinate[9];
            for (var k = 0; k < 8; k++)
            {
                var a = k * Math.PI / 4;
                var r = side * (0.3 + 0.15 * random.NextDouble());
                ring[k] = new Coordinate(cx + r * Math.Cos(a), cy + r * Math.Sin(a));
            }
            ring[8] = ring[0];
            source.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Factory.CreatePolygon(ring),
                ("numero", (i % 500).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("zone", i % 3 == 0 ? "U" : "N"));
        }
        return source;
    }

    private static LayerDefinition ParcelLayer()
    {
        // Labels in their own FeatureTypeStyle: a filterless rule next to an else-rule would leave the else-rule nothing.
        var fills = new FeatureTypeStyle([
            new Rule
            {
                Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("zone"), new Literal("U")),
                Symbolizers = [new PolygonSymbolizer { Fill = new Fill(new RgbaColor(0xF4, 0xC4, 0x8C)), Stroke = new Stroke { Color = new RgbaColor(0x99, 0x66, 0x33), Width = 1 } }],
            },
            new Rule
            {
                IsElseFilter = true,
                Symbolizers = [new PolygonSymbolizer { Fill = new Fill(new RgbaColor(0xC8, 0xE6, 0xB4)), Stroke = new Stroke { Color = new RgbaColor(0x55, 0x88, 0x44), Width = 1 } }],
            }]);
        var labels = new FeatureTypeStyle([
            new Rule
            {
                Symbolizers = [new TextSymbolizer
                {
                    Label = new PropertyName("numero"),
                    Font = new Font { Size = 10 },
                    Halo = new Halo(1.5, new Fill(RgbaColor.White)),
                }],
            }]);
        var style = StyleOf(fills, labels);
        return Layer(style, GeometryKind.Polygon, "numero", "zone");
    }

    [Theory]
    [InlineData(256, 256, "image/png")]
    [InlineData(256, 256, "image/png; mode=8bit")]
    [InlineData(1024, 768, "image/png")]
    [InlineData(1024, 768, "image/jpeg")]
    public async Task Thousand_polygons(int width, int height, string format)
    {
        var extent = new Envelope(700000, 700000 + 1000.0 * width / height, 6600000, 6601000);
        var source = Parcels(1000, extent);
        var renderer = Renderer(source);
        var request = Request(ParcelLayer(), width, height, extent) with { Format = ImageFormat.Find(format)! };

        using var first = await RenderAsync(renderer, request); // warm-up: fonts, JIT
        Save(first, $"timing-{width}x{height}-{(format.Contains("8bit", StringComparison.Ordinal) ? "png8" : format[6..])}");
        for (var i = 0; i < 10; i++)
            await renderer.RenderAsync(request, Stream.Null, CancellationToken.None); // tiered JIT settles
        const int runs = 20;
        long bytes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            using var stream = new MemoryStream();
            await renderer.RenderAsync(request, stream, CancellationToken.None);
            bytes = stream.Length;
        }
        var ms = watch.Elapsed.TotalMilliseconds / runs;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        output.WriteLine($"{width}x{height} {format}: {ms:F1} ms wall, {cpuMs:F1} ms CPU per render, {bytes} bytes");

        Assert.Equal(width, first.Width);
        Assert.True(ms < 2000, $"{ms} ms");
    }
}
