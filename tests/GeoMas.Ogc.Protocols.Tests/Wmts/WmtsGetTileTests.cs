using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>GetTile over KVP and REST (WMTS-T1..T3, T7, T9; ETag/304, Cache-Control, HEAD).</summary>
public sealed class WmtsGetTileTests
{
    private static readonly XNamespace W = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private static string Kvp(string layer, string tms, string matrix, long row, long col, string format = "image/png", string style = "default", string extra = "") =>
        $"/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE={style}&FORMAT={Uri.EscapeDataString(format)}"
        + $"&TileMatrixSet={tms}&TileMatrix={matrix}&TileRow={row}&TileCol={col}{extra}";

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpg")]
    [InlineData("image/webp", "webp")]
    public async Task Kvp_and_rest_return_byte_identical_tiles(string format, string extension)
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var kvp = await host.GetAsync(Kvp("communes", "WebMercatorQuad", "12", 1480, 2116, format));
        using var rest = await host.GetAsync($"/wmts/1.0.0/communes/default/WebMercatorQuad/12/1480/2116.{extension}");

        Assert.Equal(200, (int)kvp.StatusCode);
        Assert.Equal(200, (int)rest.StatusCode);
        Assert.Equal(format, kvp.Content.Headers.ContentType?.MediaType); // WMTS-T3
        Assert.Equal(format, rest.Content.Headers.ContentType?.MediaType);
        var bytes = await kvp.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await rest.Content.ReadAsByteArrayAsync());
        Assert.Equal(kvp.Headers.ETag, rest.Headers.ETag);
        Assert.Equal(bytes.Length, kvp.Content.Headers.ContentLength);

        var requests = host.Tiles.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0], requests[1]);
        Assert.Equal("communes", requests[0].Layer.Id);
        Assert.Equal("default", requests[0].StyleName);
        Assert.Equal("WebMercatorQuad", requests[0].TileMatrixSet.Id);
        Assert.Equal("12", requests[0].TileMatrix.Id);
        Assert.Equal((1480L, 2116L), (requests[0].Row, requests[0].Col));
        Assert.Equal(format, requests[0].Format.MimeType);
    }

    [Fact]
    public async Task Tile_size_is_the_matrix_tile_size()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync(Kvp("plan", "LAMB93", "12", 427, 71));
        Assert.Equal((256, 256), FakePng.ReadSize(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Named_styles_and_the_default_style_name_reach_the_tile_service()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var labels = await host.GetAsync(Kvp("communes", "WebMercatorQuad", "12", 1480, 2116, style: "labels"));
        using var plan = await host.GetAsync("/wmts/1.0.0/plan/default/LAMB93/12/427/71.png");
        Assert.Equal(200, (int)labels.StatusCode);
        Assert.Equal(200, (int)plan.StatusCode);
        Assert.Equal(["labels", "default"], host.Tiles.Requests.Select(r => r.StyleName));
    }

    /// <summary>
    /// WMTS-T1/T2 as the ETS runs it: for every TileMatrixSetLink of a layer and every TileMatrix, rows {min, mid, max}
    /// × cols {min, mid, max} of the published limits (else of the whole matrix) are all images.
    /// </summary>
    [Theory]
    [InlineData("plan")]
    [InlineData("parcelles")]
    public async Task Every_matrix_serves_its_corner_and_middle_tiles_as_the_ets_requests_them(string layerId)
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var capabilities = await host.GetAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        var contents = XDocument.Parse(await capabilities.Content.ReadAsStringAsync()).Root!.Element(W + "Contents")!;
        var layer = contents.Elements(W + "Layer").Single(l => l.Element(Ows + "Identifier")!.Value == layerId);
        var requested = 0;
        foreach (var link in layer.Elements(W + "TileMatrixSetLink"))
        {
            var tmsId = link.Element(W + "TileMatrixSet")!.Value;
            var set = contents.Elements(W + "TileMatrixSet").Single(s => s.Element(Ows + "Identifier")!.Value == tmsId);
            foreach (var matrix in set.Elements(W + "TileMatrix"))
            {
                var id = matrix.Element(Ows + "Identifier")!.Value;
                var limits = link.Descendants(W + "TileMatrixLimits").SingleOrDefault(l => l.Element(W + "TileMatrix")!.Value == id);
                var (minRow, maxRow) = limits is null ? (0, Long(matrix, "MatrixHeight") - 1) : (Long(limits, "MinTileRow"), Long(limits, "MaxTileRow"));
                var (minCol, maxCol) = limits is null ? (0, Long(matrix, "MatrixWidth") - 1) : (Long(limits, "MinTileCol"), Long(limits, "MaxTileCol"));
                foreach (var row in new[] { minRow, (minRow + maxRow) / 2, maxRow })
                {
                    foreach (var col in new[] { minCol, (minCol + maxCol) / 2, maxCol })
                    {
                        using var response = await host.GetAsync(Kvp(layerId, tmsId, id, row, col));
                        Assert.True(200 == (int)response.StatusCode, $"{tmsId}/{id}/{row}/{col}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
                        requested++;
                    }
                }
            }
        }
        Assert.Equal(9 * (23 + 25 + 24), requested);
    }

    [Fact]
    public async Task Tile_out_of_limits_but_inside_the_matrix_is_refused_in_both_directions()
    {
        await using var host = await WmtsTestHost.StartAsync();
        foreach (var (row, col, locator) in new[] { (1478L, 2116L, "TileRow"), (1482L, 2116L, "TileRow"), (1480L, 2115L, "TileCol"), (1480L, 2118L, "TileCol") })
        {
            using var response = await host.GetAsync(Kvp("communes", "WebMercatorQuad", "12", row, col));
            Assert.Equal(400, (int)response.StatusCode);
            var exception = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Ows + "Exception")!;
            Assert.Equal("TileOutOfRange", (string?)exception.Attribute("exceptionCode"));
            Assert.Equal(locator, (string?)exception.Attribute("locator"));
        }
        Assert.Empty(host.Tiles.Requests);
    }

    [Theory]
    [InlineData("", "today")]
    [InlineData("&TIME=default", "today")]
    [InlineData("&time=current", "today")]
    [InlineData("&Time=2023-01-10", "today")] // the default date draws the map in force today: one cached tile
    [InlineData("&TIME=2019-06-15", "2019-06-15")]
    [InlineData("&TIME=2099-01-01", "2099-01-01")]
    public async Task Time_dimension_defaults_and_values(string time, string expected)
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync(Kvp("plu_zones", "WebMercatorQuad", "12", 1480, 2116, extra: time));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(expected, FakeTileService.Time(Assert.Single(host.Tiles.Requests)));
    }

    [Fact]
    public async Task Rest_time_segment_sits_after_the_style()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var kvp = await host.GetAsync(Kvp("plu_zones", "LAMB93", "12", 427, 71, extra: "&TIME=2019-06-15"));
        using var rest = await host.GetAsync("/wmts/1.0.0/plu_zones/default/2019-06-15/LAMB93/12/427/71.png");
        using var restDefault = await host.GetAsync("/wmts/1.0.0/plu_zones/default/default/LAMB93/12/427/71.png");
        Assert.Equal(200, (int)rest.StatusCode);
        Assert.Equal(await kvp.Content.ReadAsByteArrayAsync(), await rest.Content.ReadAsByteArrayAsync());
        Assert.Equal(200, (int)restDefault.StatusCode);
        Assert.Equal(["2019-06-15", "2019-06-15", "today"], host.Tiles.Requests.Select(FakeTileService.Time));
    }

    [Fact]
    public async Task Time_on_a_layer_without_the_dimension_is_ignored()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync(Kvp("communes", "WebMercatorQuad", "12", 1480, 2116, extra: "&TIME=1999-01-01"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(Assert.Single(host.Tiles.Requests).Time);
    }

    [Fact]
    public async Task If_none_match_answers_304_with_the_validators_and_no_body()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var url = "/wmts/1.0.0/communes/default/WebMercatorQuad/12/1480/2116.png";
        using var first = await host.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=3600", first.Headers.CacheControl?.ToString());

        foreach (var header in new[] { etag.ToString(), "\"other\", " + etag, "W/" + etag.Tag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", header);
            using var second = await host.Client.SendAsync(request);
            Assert.Equal(304, (int)second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag);
            Assert.Equal("public, max-age=3600", second.Headers.CacheControl?.ToString());
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"stale\"");
        using var third = await host.Client.SendAsync(stale);
        Assert.Equal(200, (int)third.StatusCode);
    }

    [Fact]
    public async Task Cache_control_follows_the_layer_cache_policy()
    {
        var catalog = WmtsTestHost.Catalog();
        var layers = catalog.Layers.Select(l => l.Id == "communes" ? l with { Cache = new Core.Catalog.CachePolicy(true, 60) } : l).ToArray();
        await using var host = await WmtsTestHost.StartAsync(new Core.Catalog.CatalogSnapshot(
            catalog.Service, catalog.Sources, layers, catalog.Limits, catalog.SupportedSrids, catalog.UpdateSequence));
        using var response = await host.GetAsync(Kvp("communes", "WebMercatorQuad", "12", 1480, 2116));
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Head_sends_the_tile_headers_without_the_bytes()
    {
        await using var host = await WmtsTestHost.StartAsync();
        foreach (var url in new[] { Kvp("communes", "WebMercatorQuad", "12", 1480, 2116), "/wmts/1.0.0/communes/default/WebMercatorQuad/12/1480/2116.png" })
        {
            using var get = await host.GetAsync(url);
            using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(200, (int)head.StatusCode);
            Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Errors_are_not_cacheable_and_head_errors_have_no_body()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/wmts/1.0.0/nope/default/WebMercatorQuad/12/1480/2116.png"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private static long Long(XElement parent, string name) => long.Parse(parent.Element(W + name)!.Value, CultureInfo.InvariantCulture);
}
