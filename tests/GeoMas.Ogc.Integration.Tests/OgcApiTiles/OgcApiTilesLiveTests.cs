using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Interop;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.OgcApiTiles;

/// <summary>
/// OGC API Tiles and Maps on the real server (Kestrel, PostGIS, the real tile service and renderer): tiles are the
/// WMTS tiles byte for byte, every tile inside the published limits exists (the ETS walk), and a map is the WMS GetMap
/// of the same view.
/// </summary>
public sealed class OgcApiTilesLiveTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    [Theory]
    [InlineData("parcelles", "LAMB93", "16")]
    [InlineData("parcelles", "WebMercatorQuad", "17")]
    [InlineData("communes", "WorldCRS84Quad", "12")]
    public async Task A_tile_is_byte_identical_to_the_wmts_rest_tile(string collection, string tms, string matrix)
    {
        var limits = await LimitsAsync(collection, tms, matrix);
        var (row, col) = ((limits.MinRow + limits.MaxRow) / 2, (limits.MinCol + limits.MaxCol) / 2);

        using var ogc = await _http.GetAsync($"{server.BaseUrl}/collections/{collection}/tiles/{tms}/{matrix}/{row}/{col}");
        using var wmts = await _http.GetAsync($"{server.BaseUrl}/wmts/1.0.0/{collection}/default/{tms}/{matrix}/{row}/{col}.png");

        Assert.Equal(HttpStatusCode.OK, ogc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wmts.StatusCode);
        var bytes = await ogc.Content.ReadAsByteArrayAsync();
        Assert.Equal(await wmts.Content.ReadAsByteArrayAsync(), bytes);
        Assert.Equal(wmts.Headers.ETag, ogc.Headers.ETag);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Any(p => p.Alpha > 0), "the tile in the middle of the data is empty");
    }

    [Fact]
    public async Task Every_tile_inside_the_published_limits_exists_as_the_ets_walks_them()
    {
        var limits = await LimitsAsync("parcelles", "LAMB93", "13");
        for (var row = limits.MinRow; row <= limits.MaxRow; row++)
        {
            for (var col = limits.MinCol; col <= limits.MaxCol; col++)
            {
                using var response = await _http.GetAsync($"{server.BaseUrl}/collections/parcelles/tiles/LAMB93/13/{row}/{col}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"13/{row}/{col}: {(int)response.StatusCode}");
                Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            }
        }
        using var outside = await _http.GetAsync($"{server.BaseUrl}/collections/parcelles/tiles/LAMB93/13/2147483647/{limits.MinCol}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/json", outside.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_map_is_the_wms_getmap_of_the_same_view()
    {
        const string box = "942000,6389000,945000,6392000";
        using var map = await _http.GetAsync($"{server.BaseUrl}/collections/routes/map?bbox={box}"
            + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154&width=300&height=300");
        using var wms = await _http.GetAsync($"{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=routes&STYLES="
            + $"&CRS=EPSG:2154&BBOX={box}&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE");

        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/2154", map.Headers.GetValues("Content-Crs").Single());
        Assert.Equal(box, map.Headers.GetValues("Content-Bbox").Single());
        var bytes = await map.Content.ReadAsByteArrayAsync();
        Assert.Equal(await wms.Content.ReadAsByteArrayAsync(), bytes);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.True(bitmap.Pixels.Count(p => p.Alpha > 0) > 100, "no road drawn");
    }

    [Fact]
    public async Task The_dataset_map_is_the_wms_getmap_of_plan()
    {
        const string box = "942000,6389000,945000,6392000";
        using var map = await _http.GetAsync($"{server.BaseUrl}/map?bbox={box}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154&width=300&height=300");
        using var wms = await _http.GetAsync($"{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plan&STYLES="
            + $"&CRS=EPSG:2154&BBOX={box}&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE");

        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        var bytes = await map.Content.ReadAsByteArrayAsync();
        Assert.Equal(await wms.Content.ReadAsByteArrayAsync(), bytes);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.True(bitmap.Pixels.Count(p => p.Alpha > 0) > 10000, "the plan is nearly empty");
    }

    [Fact]
    public async Task A_default_map_of_plu_zones_shows_the_zones_in_force_and_says_so()
    {
        using var response = await _http.GetAsync($"{server.BaseUrl}/collections/plu_zones/map?width=400");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(today, response.Headers.GetValues("Content-Datetime").Single());
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(400, bitmap.Width);
        Assert.True(bitmap.Pixels.Count(p => p.Alpha > 0) > 1000, "no zone drawn");
    }

    [Theory]
    [InlineData("/collections/routes/map?width=100000", 400)]
    [InlineData("/collections/routes/map?bbox=1,2,3", 400)]
    [InlineData("/collections/nowhere/map", 404)]
    [InlineData("/collections/routes/tiles/LAMB93/12/x/1", 400)]
    [InlineData("/collections/routes/tiles/Unknown", 404)]
    public async Task Errors_are_ogc_api_json_with_the_right_status(string path, int status)
    {
        using var response = await _http.GetAsync(server.BaseUrl + path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("code").GetString()));
    }

    private async Task<(long MinRow, long MaxRow, long MinCol, long MaxCol)> LimitsAsync(string collection, string tms, string matrix)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync($"{server.BaseUrl}/collections/{collection}/tiles/{tms}"));
        var limits = json.RootElement.GetProperty("tileMatrixSetLimits").EnumerateArray()
            .Single(l => l.GetProperty("tileMatrix").GetString() == matrix);
        return (limits.GetProperty("minTileRow").GetInt64(), limits.GetProperty("maxTileRow").GetInt64(),
            limits.GetProperty("minTileCol").GetInt64(), limits.GetProperty("maxTileCol").GetInt64());
    }
}
