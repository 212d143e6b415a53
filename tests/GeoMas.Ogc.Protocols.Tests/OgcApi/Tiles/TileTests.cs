using System.Net;
using System.Net.Http.Headers;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Tests.Xyz;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Tiles;

/// <summary>Tiles of a collection (OAT-2, OAT-3): the tile service's request, formats, validators and errors.</summary>
public sealed class TileTests
{
    // parcelles lies in rows 427..428, columns 71..72 of LAMB93 matrix 12 (extent 944000..945000, 6388700..6389700).
    private const string Tile = "/collections/parcelles/tiles/LAMB93/12/428/72";

    [Fact]
    public async Task A_tile_inside_the_limits_comes_from_the_tile_service_with_the_wmts_defaults()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.GetAsync(Tile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var request = Assert.Single(host.Tiles.Requests);
        Assert.Equal("parcelles", request.Layer.Id);
        Assert.Equal("default", request.StyleName);
        Assert.Equal("LAMB93", request.TileMatrixSet.Id);
        Assert.Equal("12", request.TileMatrix.Id);
        Assert.Equal((428L, 72L), (request.Row, request.Col));
        Assert.Null(request.Time);
        Assert.Equal(FakePngSize(await response.Content.ReadAsByteArrayAsync()), (256, 256));
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.True(response.Headers.CacheControl?.Public);
    }

    [Theory]
    [InlineData("?f=jpg", null, "image/jpeg")]
    [InlineData("?f=jpeg", null, "image/jpeg")]
    [InlineData("?f=webp", null, "image/webp")]
    [InlineData("", "image/webp", "image/webp")]
    [InlineData("", "image/*", "image/png")]
    public async Task The_format_follows_f_or_accept(string query, string? accept, string expected)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Tile + query);
        if (accept is not null)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, Assert.Single(host.Tiles.Requests).Format.MimeType);
    }

    [Fact]
    public async Task A_web_mercator_tile_over_the_parcels_reaches_the_tile_service()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        var (z, row, col) = ("14", 5922L, 8468L); // a WebMercatorQuad tile over the parcels
        var limits = new LayerTileLimitsCache(Support.TestCatalog.Crs).Get(host.Snapshot.FindLayer("parcelles")!, XyzTestHost.TileMatrixSets.Find("WebMercatorQuad")!, z);
        Assert.True(limits!.Contains(row, col), $"pick a tile inside {limits}");
        using var response = await host.GetAsync($"/collections/parcelles/tiles/WebMercatorQuad/{z}/{row}/{col}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var request = Assert.Single(host.Tiles.Requests);
        Assert.Equal((row, col, "WebMercatorQuad", "default"), (request.Row, request.Col, request.TileMatrixSet.Id, request.StyleName));
    }

    [Fact]
    public async Task A_matching_if_none_match_is_a_304()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var first = await host.GetAsync(Tile);
        using var request = new HttpRequestMessage(HttpMethod.Get, Tile);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_sends_the_headers_only()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Tile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/collections/parcelles/tiles/LAMB93/12/2147483647/72")] // what the ETS asks
    [InlineData("/collections/parcelles/tiles/LAMB93/12/426/72")] // just above the limits
    [InlineData("/collections/parcelles/tiles/LAMB93/12/428/73")] // just right of them
    [InlineData("/collections/parcelles/tiles/LAMB93/12/99999999999999999999/72")] // beyond a long
    [InlineData("/collections/parcelles/tiles/LAMB93/23/0/0")] // no such matrix
    [InlineData("/collections/parcelles/tiles/Unknown/12/428/72")]
    [InlineData("/collections/plan/tiles/LAMB93/12/428/72")]
    public async Task Tiles_that_do_not_exist_are_404(string path)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        Assert.Equal("NotFound", await host.GetErrorAsync(path, 404));
        Assert.Empty(host.Tiles.Requests);
    }

    [Theory]
    [InlineData("/collections/parcelles/tiles/LAMB93/12/-1/72")]
    [InlineData("/collections/parcelles/tiles/LAMB93/12/428/7.5")]
    [InlineData("/collections/parcelles/tiles/LAMB93/12/abc/72")]
    [InlineData("/collections/parcelles/tiles/LAMB93/12/428/72?style=labels")] // undeclared parameter
    public async Task Malformed_tile_requests_are_400(string path)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        await host.GetErrorAsync(path, 400);
        Assert.Empty(host.Tiles.Requests);
    }

    [Fact]
    public async Task An_unavailable_format_is_a_406()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        Assert.Equal("NotAcceptable", await host.GetErrorAsync(Tile + "?f=gif", 406));
    }

    private static (int, int) FakePngSize(byte[] bytes) => Support.FakePng.ReadSize(bytes);
}
