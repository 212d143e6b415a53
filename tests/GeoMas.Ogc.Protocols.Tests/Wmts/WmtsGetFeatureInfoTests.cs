using System.Text.Json;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>GetFeatureInfo over KVP and REST (WMTS-T10): the tile is the viewport, I/J the pixel in it.</summary>
public sealed class WmtsGetFeatureInfoTests
{
    private const string KvpPrefix = "/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&STYLE=default&FORMAT=image/png";

    [Fact]
    public async Task The_tile_bounds_and_pixel_become_the_feature_info_request()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync(KvpPrefix + "&LAYER=plan&TileMatrixSet=LAMB93&TileMatrix=12&TileRow=427&TileCol=71&I=17&J=200&InfoFormat=application/json");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());

        var request = Assert.Single(host.FeatureInfo.Requests);
        var matrix = WmtsTestHost.TileMatrixSets.Find("LAMB93")!.FindMatrix("12")!;
        Assert.Equal(TileMath.TileBounds(matrix, 427, 71), request.Bbox);
        Assert.Equal(2154, request.Srid);
        Assert.Equal((256, 256), (request.Width, request.Height));
        Assert.Equal((17d, 200d), (request.I, request.J));
        Assert.Equal(["plu_zones", "parcelles", "routes", "communes"], request.QueryLayers.Select(l => l.Id)); // the raster member is not queryable
        Assert.Equal(2154, request.OutputSrid);
        Assert.Empty(host.Tiles.Requests);
    }

    [Theory]
    [InlineData("txt", "text/plain")]
    [InlineData("html", "text/html")]
    [InlineData("json", "application/json")]
    [InlineData("gml", "application/vnd.ogc.gml")]
    public async Task Kvp_and_rest_feature_info_give_the_same_answer(string extension, string mime)
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var kvp = await host.GetAsync(KvpPrefix + $"&LAYER=communes&TileMatrixSet=WebMercatorQuad&TileMatrix=12&TileRow=1480&TileCol=2116&I=5&J=250&InfoFormat={Uri.EscapeDataString(mime)}");
        using var rest = await host.GetAsync($"/wmts/1.0.0/communes/default/WebMercatorQuad/12/1480/2116/250/5.{extension}");
        Assert.Equal(200, (int)kvp.StatusCode);
        Assert.Equal(200, (int)rest.StatusCode);
        Assert.Equal(mime, kvp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await kvp.Content.ReadAsStringAsync(), await rest.Content.ReadAsStringAsync());
        var requests = host.FeatureInfo.Requests.ToArray();
        Assert.Equal((5d, 250d), (requests[1].I, requests[1].J)); // REST path is .../{J}/{I}
        Assert.Equal(requests[0].Bbox, requests[1].Bbox);
    }

    [Fact]
    public async Task Time_reaches_the_feature_query()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync("/wmts/1.0.0/plu_zones/default/2019-06-15/WebMercatorQuad/12/1480/2116/0/255.txt");
        Assert.Equal(200, (int)response.StatusCode);
        var time = Assert.Single(host.FeatureInfo.Requests).Time!;
        Assert.Equal(new DateTimeOffset(2019, 6, 15, 0, 0, 0, TimeSpan.Zero), Assert.Single(time.Ranges).Start);
    }

    [Fact]
    public async Task Pixel_at_the_last_column_and_row_is_inside_the_tile()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync(KvpPrefix + "&LAYER=communes&TileMatrixSet=WorldCRS84Quad&TileMatrix=11&TileRow=516&TileCol=2116&I=255&J=255&InfoFormat=text/plain");
        Assert.Equal(200, (int)response.StatusCode);
        var request = Assert.Single(host.FeatureInfo.Requests);
        Assert.Equal(4326, request.Srid);
        Assert.True(request.Bbox.MinX < 6.1 && request.Bbox.MinY > 44); // lon/lat x/y order
    }
}
