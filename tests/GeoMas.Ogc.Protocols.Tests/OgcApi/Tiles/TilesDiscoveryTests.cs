using System.Text.Json;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Tiles;

/// <summary>How a client finds tiles and maps (OAT-1, OAT-7, OAT-8, OAM-1, OAM-2): conformance, links and the API definition.</summary>
public sealed class TilesDiscoveryTests
{
    private const string Base = "https://maps.example.org/geomas";

    [Fact]
    public async Task Conformance_declares_the_tiles_and_maps_classes_beside_features()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync("/conformance");

        var classes = json.RootElement.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToArray();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        foreach (var tiles in new[] { "core", "tileset", "tilesets-list", "geodata-tilesets", "png", "jpeg", "oas30" })
            Assert.Contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/" + tiles, classes);
        foreach (var maps in new[] { "core", "collection-map", "dataset-map", "png", "jpeg", "scaling", "spatial-subsetting", "crs", "cors" })
            Assert.Contains("https://www.opengis.net/spec/ogcapi-maps-1/1.0/conf/" + maps, classes);
        // Not implemented, so not declared.
        Assert.DoesNotContain("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt", classes);
        Assert.DoesNotContain("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets", classes);
        Assert.DoesNotContain("https://www.opengis.net/spec/ogcapi-maps-1/1.0/conf/background", classes);
    }

    [Fact]
    public async Task The_landing_page_links_the_tiling_schemes_and_the_dataset_map()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync("/");

        var link = Assert.Single(json.RootElement.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes");
        Assert.Equal(Base + "/tileMatrixSets", link.GetProperty("href").GetString());
        var map = Assert.Single(json.RootElement.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/map");
        Assert.Equal(Base + "/map", map.GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("/collections/parcelles")]
    [InlineData("/collections")]
    public async Task Each_collection_links_its_tilesets_and_its_map(string path)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync(path);

        var collection = json.RootElement.TryGetProperty("collections", out var list)
            ? list.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "parcelles")
            : json.RootElement;
        var links = collection.GetProperty("links").EnumerateArray().ToArray();
        var tilesets = Assert.Single(links, l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map");
        Assert.Equal(Base + "/collections/parcelles/tiles", tilesets.GetProperty("href").GetString());
        foreach (var rel in new[] { "http://www.opengis.net/def/rel/ogc/1.0/map", "https://www.opengis.net/def/rel/ogc/1.0/map" })
        {
            var map = Assert.Single(links, l => l.GetProperty("rel").GetString() == rel);
            Assert.Equal(Base + "/collections/parcelles/map", map.GetProperty("href").GetString());
            Assert.Equal("image/png", map.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Every_link_of_the_tiles_resources_resolves()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var list = await host.GetJsonAsync("/collections/routes/tiles");
        var hrefs = list.RootElement.GetProperty("tilesets").EnumerateArray()
            .SelectMany(t => t.GetProperty("links").EnumerateArray())
            .Where(l => !l.TryGetProperty("templated", out _))
            .Select(l => l.GetProperty("href").GetString()!)
            .Distinct();
        foreach (var href in hrefs)
        {
            Assert.StartsWith(Base + "/", href);
            using var response = await host.GetAsync(href[Base.Length..]);
            Assert.True(response.IsSuccessStatusCode, $"{href}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_api_definition_has_the_tile_and_map_paths_with_their_parameters()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.GetAsync("/api?f=json");
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/tileMatrixSets", "/tileMatrixSets/{tileMatrixSetId}", "/collections/parcelles/tiles",
                     "/collections/parcelles/tiles/{tileMatrixSetId}", "/collections/parcelles/map", "/map" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        var tile = paths.GetProperty("/collections/parcelles/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}").GetProperty("get");
        var parameters = tile.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("string", parameters["tileMatrix"].GetProperty("schema").GetProperty("type").GetString());
        foreach (var index in new[] { "tileRow", "tileCol" })
        {
            Assert.Equal("integer", parameters[index].GetProperty("schema").GetProperty("type").GetString());
            Assert.Equal(0, parameters[index].GetProperty("schema").GetProperty("minimum").GetInt32());
            Assert.Equal("path", parameters[index].GetProperty("in").GetString());
        }
        var map = paths.GetProperty("/collections/parcelles/map").GetProperty("get");
        Assert.Equal(["f", "bbox", "bbox-crs", "crs", "width", "height", "transparent", "bgcolor", "datetime"],
            map.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(map.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("image/png", out _));
    }
}
