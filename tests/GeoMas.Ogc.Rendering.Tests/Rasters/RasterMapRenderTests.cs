using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.Rasters;

/// <summary>Raster layers through the whole <see cref="SkiaMapRenderer"/>: drawn in layer order, vectors on top.</summary>
public sealed class RasterMapRenderTests
{
    private sealed class Provider(IRasterSource source) : IRasterSourceProvider
    {
        public IRasterSource For(LayerDefinition layer) => source;
    }

    [Fact]
    public async Task A_raster_under_a_vector_layer_shows_around_the_polygon_and_the_polygon_on_top()
    {
        // Green raster over the test square; a red polygon in its middle.
        var raster = new SyntheticRaster(2154, 700000, 6601000, 10, 100, 100, (_, _) => (0, 200, 0, 255));
        var rasterLayer = new LayerDefinition { Id = "ortho", Title = "Ortho", Kind = LayerKind.Raster, Srid = 2154, Queryable = false };
        var polygonStyle = TestMaps.StyleOf(TestMaps.RuleOf(new PolygonSymbolizer { Fill = new Fill(TestMaps.Red) }));
        var polygonLayer = TestMaps.Layer(polygonStyle);
        var features = new InMemoryFeatureSource();
        features.Add("1", TestMaps.Box(700400, 6600400, 700600, 6600600));
        var renderer = new SkiaMapRenderer(features, TestMaps.Crs, new ServiceLimits(), rasters: new Provider(raster));
        var request = TestMaps.Request(polygonLayer) with
        {
            Layers = [new MapLayer(rasterLayer, null), new MapLayer(polygonLayer, null)],
            Format = ImageFormat.Jpeg,
        };

        using var bitmap = await TestMaps.RenderAsync(renderer, request);
        Assert.True(TestMaps.Near(bitmap.GetPixel(10, 10), new RgbaColor(0, 200, 0), 12));
        Assert.True(TestMaps.Near(bitmap.GetPixel(50, 50), TestMaps.Red, 12));
    }
}
