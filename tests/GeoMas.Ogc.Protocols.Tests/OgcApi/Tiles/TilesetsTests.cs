using System.Text.Json;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Tests.Xyz;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Tiles;

/// <summary>The tilesets list and tileset metadata of a collection (OAT-4, OAT-5, OAT-7).</summary>
public sealed class TilesetsTests
{
    private const string Base = "https://maps.example.org/geomas";
    private const string TilingScheme = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

    [Fact]
    public async Task The_list_has_a_map_tileset_per_set_with_self_tiling_scheme_and_templated_tile_links()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync("/collections/parcelles/tiles");

        var tilesets = json.RootElement.GetProperty("tilesets").EnumerateArray().ToArray();
        Assert.Equal(["LAMB93", "WebMercatorQuad", "WorldCRS84Quad"], tilesets.Select(t => t.GetProperty("tileMatrixSetId").GetString()));
        foreach (var tileset in tilesets)
        {
            var id = tileset.GetProperty("tileMatrixSetId").GetString();
            Assert.Equal("map", tileset.GetProperty("dataType").GetString());
            var links = tileset.GetProperty("links").EnumerateArray().ToArray();
            var self = Assert.Single(links, l => l.GetProperty("rel").GetString() == "self");
            Assert.Equal("application/json", self.GetProperty("type").GetString()); // exactly, for the ETS (OAT-7)
            Assert.Equal($"{Base}/collections/parcelles/tiles/{id}", self.GetProperty("href").GetString());
            Assert.Equal($"{Base}/tileMatrixSets/{id}", Assert.Single(links, l => l.GetProperty("rel").GetString() == TilingScheme).GetProperty("href").GetString());
            var png = Assert.Single(links, l => l.GetProperty("rel").GetString() == "item" && l.GetProperty("type").GetString() == "image/png");
            Assert.Equal($"{Base}/collections/parcelles/tiles/{id}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}", png.GetProperty("href").GetString());
            Assert.True(png.GetProperty("templated").GetBoolean());
        }
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/2154", tilesets[0].GetProperty("crs").GetString());
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", tilesets[1].GetProperty("tileMatrixSetURI").GetString());
    }

    [Theory]
    [InlineData("parcelles", "LAMB93")]
    [InlineData("communes", "WebMercatorQuad")]
    [InlineData("plu_zones", "WorldCRS84Quad")]
    public async Task A_tileset_publishes_the_limits_of_the_layer_extent(string collection, string tmsId)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync($"/collections/{collection}/tiles/{tmsId}");

        var expected = LayerTileLimits.For(host.Snapshot.FindLayer(collection)!, XyzTestHost.TileMatrixSets.Find(tmsId)!, TestCatalog.Crs);
        var limits = json.RootElement.GetProperty("tileMatrixSetLimits").EnumerateArray()
            .Select(l => new TileMatrixLimits(l.GetProperty("tileMatrix").GetString()!, l.GetProperty("minTileRow").GetInt64(),
                l.GetProperty("maxTileRow").GetInt64(), l.GetProperty("minTileCol").GetInt64(), l.GetProperty("maxTileCol").GetInt64()))
            .ToArray();
        Assert.Equal(expected, limits);
        Assert.Equal(XyzTestHost.TileMatrixSets.Find(tmsId)!.TileMatrices.Count, limits.Length); // the layers lie inside every matrix
        Assert.Equal($"{Base}/tileMatrixSets/{tmsId}", json.RootElement.GetProperty("tileMatrixSetDefinition").GetString());
        Assert.Equal("map", json.RootElement.GetProperty("dataType").GetString());
        var formats = json.RootElement.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("rel").GetString() == "item").Select(l => l.GetProperty("type").GetString());
        Assert.Equal(["image/png", "image/jpeg", "image/webp"], formats);
    }

    [Theory]
    [InlineData("/collections/nowhere/tiles")]
    [InlineData("/collections/nowhere/tiles/LAMB93")]
    [InlineData("/collections/plan/tiles")] // groups are not collections
    [InlineData("/collections/ortho/tiles")] // nor rasters
    [InlineData("/collections/parcelles/tiles/Unknown")]
    public async Task Unknown_collections_and_sets_are_404(string path)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        Assert.Equal("NotFound", await host.GetErrorAsync(path, 404));
    }

    [Fact]
    public async Task Html_is_not_offered_for_tilesets()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        await host.GetErrorAsync("/collections/parcelles/tiles?f=html", 406);
    }
}
