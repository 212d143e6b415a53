using System.Text.Json;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Tiles;

/// <summary><c>/tileMatrixSets</c> and <c>/tileMatrixSets/{id}</c> (OAT-10): the configured sets, as 2D-TMS 2.0 JSON.</summary>
public sealed class TileMatrixSetsTests
{
    private const string Base = "https://maps.example.org/geomas";

    [Fact]
    public async Task The_list_names_every_configured_set_with_an_absolute_link_to_its_definition()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync("/tileMatrixSets");

        var sets = json.RootElement.GetProperty("tileMatrixSets").EnumerateArray().ToArray();
        Assert.Equal(["LAMB93", "WebMercatorQuad", "WorldCRS84Quad"], sets.Select(s => s.GetProperty("id").GetString()));
        foreach (var set in sets)
        {
            var link = Assert.Single(set.GetProperty("links").EnumerateArray());
            Assert.Equal("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", link.GetProperty("rel").GetString());
            Assert.Equal($"{Base}/tileMatrixSets/{set.GetProperty("id").GetString()}", link.GetProperty("href").GetString());
        }
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", sets[1].GetProperty("uri").GetString());
        Assert.False(sets[0].TryGetProperty("uri", out _)); // LAMB93 is not registered
    }

    [Theory]
    [InlineData("LAMB93")]
    [InlineData("WebMercatorQuad")]
    [InlineData("WorldCRS84Quad")]
    public async Task A_definition_carries_every_matrix_of_the_config_file(string id)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var served = await host.GetJsonAsync("/tileMatrixSets/" + id);
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(ConfigFile(id)));

        var root = served.RootElement;
        Assert.Equal(id, root.GetProperty("id").GetString());
        Assert.Equal(file.RootElement.GetProperty("crs").GetString(), root.GetProperty("crs").GetString());
        Assert.Equal(file.RootElement.GetProperty("orderedAxes").EnumerateArray().Select(a => a.GetString()),
            root.GetProperty("orderedAxes").EnumerateArray().Select(a => a.GetString()));
        var expected = file.RootElement.GetProperty("tileMatrices").EnumerateArray().ToArray();
        var actual = root.GetProperty("tileMatrices").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].GetProperty("id").GetString(), actual[i].GetProperty("id").GetString());
            foreach (var number in new[] { "scaleDenominator", "cellSize", "tileWidth", "tileHeight", "matrixWidth", "matrixHeight" })
                Assert.Equal(expected[i].GetProperty(number).GetDouble(), actual[i].GetProperty(number).GetDouble(), 9);
            Assert.Equal(expected[i].GetProperty("pointOfOrigin").EnumerateArray().Select(v => v.GetDouble()),
                actual[i].GetProperty("pointOfOrigin").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal("topLeft", actual[i].GetProperty("cornerOfOrigin").GetString());
        }
    }

    [Fact]
    public async Task Lamb93_starts_at_the_ign_origin_with_one_tile()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var json = await host.GetJsonAsync("/tileMatrixSets/LAMB93");

        var zero = json.RootElement.GetProperty("tileMatrices")[0];
        Assert.Equal([0.0, 12000000.0], zero.GetProperty("pointOfOrigin").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(209715.2, zero.GetProperty("cellSize").GetDouble(), 9);
    }

    [Theory]
    [InlineData("/tileMatrixSets/Unknown")]
    [InlineData("/tileMatrixSets/webmercatorquad")] // path segments are case-sensitive
    public async Task An_unknown_set_is_a_404_in_the_ogc_api_form(string path)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        Assert.Equal("NotFound", await host.GetErrorAsync(path, 404));
    }

    [Fact]
    public async Task An_undeclared_parameter_is_a_400()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        await host.GetErrorAsync("/tileMatrixSets?zoom=3", 400);
    }

    private static string ConfigFile(string id) =>
        Path.Combine(Path.GetDirectoryName(SchemaFiles.TestFile("x"))!, "..", "..", "config", "tilematrixsets", id + ".json");
}
