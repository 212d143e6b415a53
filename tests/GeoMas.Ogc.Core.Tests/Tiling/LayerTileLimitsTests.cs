using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Tiling;

public sealed class LayerTileLimitsTests
{
    private static LayerDefinition Layer(Envelope extent, int srid, string id = "layer") =>
        new() { Id = id, Title = id, Srid = srid, Extent = extent };

    [Fact]
    public void Departements_extent_gives_the_TMS_L4_limits_in_WebMercatorQuad()
    {
        var limits = LayerTileLimits.For(Layer(TilingTestData.DepartementsCrs84, 4326), TilingTestData.WebMercatorQuad, TilingTestData.Crs);

        Assert.Equal(25, limits.Count);
        Assert.Equal(new TileMatrixLimits("0", 0, 0, 0, 0), limits[0]);
        Assert.Equal(new TileMatrixLimits("8", 91, 93, 131, 133), limits[8]);
        Assert.Equal(new TileMatrixLimits("12", 1471, 1494, 2109, 2128), limits[12]);
        Assert.Equal(new TileMatrixLimits("16", 23542, 23913, 33754, 34056), limits[16]);
        Assert.Equal(Enumerable.Range(0, 25).Select(z => z.ToString(System.Globalization.CultureInfo.InvariantCulture)), limits.Select(l => l.TileMatrix));
    }

    [Fact]
    public void A_Lambert_93_extent_is_transformed_into_each_set()
    {
        // TMS-L4 in EPSG:2154.
        var layer = Layer(new Envelope(890107, 1028767, 6288459, 6455781), 2154);

        var lamb = LayerTileLimits.For(layer, TilingTestData.Lamb93, TilingTestData.Crs);
        var z10 = lamb[10];
        Assert.Equal(new TileMatrixLimits("10", (long)((12000000 - 6455781) / 52428.8), (long)((12000000 - 6288459) / 52428.8), (long)(890107 / 52428.8), (long)(1028767 / 52428.8)), z10);
        Assert.Equal(23, lamb.Count);

        // The Lambert box reprojected is a little larger than the lon/lat box of the shapes; it still covers the TMS-L4 tiles.
        var wm = LayerTileLimits.For(layer, TilingTestData.WebMercatorQuad, TilingTestData.Crs)[12];
        Assert.True(wm.MinTileCol <= 2109 && wm.MaxTileCol >= 2128 && wm.MinTileRow <= 1471 && wm.MaxTileRow >= 1494, wm.ToString());
        Assert.True(wm.MinTileCol >= 2105 && wm.MaxTileCol <= 2132 && wm.MinTileRow >= 1467 && wm.MaxTileRow <= 1498, wm.ToString());

        var crs84 = LayerTileLimits.For(layer, TilingTestData.WorldCrs84Quad, TilingTestData.Crs)[0];
        Assert.Equal(new TileMatrixLimits("0", 0, 0, 1, 1), crs84);
    }

    [Fact]
    public void An_extent_outside_the_set_gives_no_limits()
    {
        // Tokyo, in lon/lat: outside the EPSG:2154 area of use, so nothing of it reaches LAMB93.
        var tokyo = Layer(new Envelope(139.6, 139.9, 35.5, 35.8), 4326);

        Assert.Empty(LayerTileLimits.For(tokyo, TilingTestData.Lamb93, TilingTestData.Crs));
        Assert.Equal(25, LayerTileLimits.For(tokyo, TilingTestData.WebMercatorQuad, TilingTestData.Crs).Count);
        Assert.Empty(LayerTileLimits.For(new LayerDefinition { Id = "none", Title = "none" }, TilingTestData.WebMercatorQuad, TilingTestData.Crs));
    }

    [Fact]
    public void A_layer_without_native_extent_falls_back_to_its_geographic_extent()
    {
        var layer = new LayerDefinition { Id = "g", Title = "g", Srid = 2154, GeographicExtent = TilingTestData.DepartementsCrs84 };

        Assert.Equal(new TileMatrixLimits("8", 91, 93, 131, 133), LayerTileLimits.For(layer, TilingTestData.WebMercatorQuad, TilingTestData.Crs)[8]);
    }

    [Fact]
    public void The_cache_returns_the_same_limits_until_the_extent_changes()
    {
        var cache = new LayerTileLimitsCache(TilingTestData.Crs);
        var layer = Layer(TilingTestData.DepartementsCrs84, 4326, "communes");

        var first = cache.Get(layer, TilingTestData.WebMercatorQuad);
        Assert.Same(first, cache.Get(layer with { Title = "renamed" }, TilingTestData.WebMercatorQuad));
        Assert.NotSame(first, cache.Get(layer, TilingTestData.WorldCrs84Quad));
        Assert.Equal(new TileMatrixLimits("12", 1471, 1494, 2109, 2128), cache.Get(layer, TilingTestData.WebMercatorQuad, "12"));
        Assert.Null(cache.Get(layer, TilingTestData.WebMercatorQuad, "25"));

        // A catalog reload with a new extent must not serve the old limits.
        var moved = layer with { Extent = new Envelope(5.4184, 5.5, 43.66828, 43.7) };
        var after = cache.Get(moved, TilingTestData.WebMercatorQuad);
        Assert.NotSame(first, after);
        Assert.Equal(2109, after[12].MinTileCol);
        Assert.True(after[12].MaxTileCol < 2128);
    }
}
