using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Tests.Xyz;

public sealed class XyzTileTests
{
    [Fact]
    public async Task Geotrek_url_with_a_trek_id_query_is_a_WebMercatorQuad_tile_of_the_plan_group()
    {
        await using var host = await XyzTestHost.StartAsync();

        using var response = await host.GetAsync("/tiles/plan/14/8500/5900.png?123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var request = Assert.Single(host.Tiles.Requests);
        Assert.Equal("plan", request.Layer.Id);
        Assert.Equal(LayerKind.Group, request.Layer.Kind);
        Assert.Equal("WebMercatorQuad", request.TileMatrixSet.Id);
        Assert.Equal("14", request.TileMatrix.Id);
        Assert.Equal(8500, request.Col); // x = TileCol
        Assert.Equal(5900, request.Row); // y = TileRow, no flip (XYZ rows grow southwards)
        Assert.Equal("default", request.StyleName);
        Assert.Null(request.Time);
        Assert.Equal("public", request.Scope);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl!.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(0x89, body[0]);
    }

    [Theory]
    [InlineData("/tiles/fond_plan/15/16830/11744.png?trek=42&_=1700000000", "fond_plan")]
    [InlineData("/tiles/communes/15/16830/11744.png?STYLE=default&foo", "communes")]
    public async Task Extra_query_parameters_are_ignored(string url, string layer)
    {
        await using var host = await XyzTestHost.StartAsync();

        using var response = await host.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(layer, Assert.Single(host.Tiles.Requests).Layer.Id);
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpg", "image/jpeg")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("webp", "image/webp")]
    [InlineData("PNG", "image/png")]
    public async Task The_extension_picks_the_format(string extension, string contentType)
    {
        await using var host = await XyzTestHost.StartAsync();

        using var response = await host.GetAsync($"/tiles/ortho/12/2111/1483.{extension}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(contentType, Assert.Single(host.Tiles.Requests).Format.MimeType);
    }

    [Fact]
    public async Task Extreme_tiles_of_each_zoom_exist()
    {
        await using var host = await XyzTestHost.StartAsync();

        foreach (var (z, max) in new[] { (0, 0L), (1, 1L), (24, (1L << 24) - 1) })
        {
            using var first = await host.GetAsync($"/tiles/routes/{z}/0/0.png");
            using var last = await host.GetAsync($"/tiles/routes/{z}/{max}/{max}.png");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }

        Assert.Equal(6, host.Tiles.Requests.Count);
    }

    [Theory]
    [InlineData("/tiles/nope/1/0/0.png", HttpStatusCode.NotFound, "NotFound")]
    [InlineData("/tiles/Communes/1/0/0.png", HttpStatusCode.NotFound, "NotFound")] // ids are case-sensitive
    [InlineData("/tiles/communes/25/0/0.png", HttpStatusCode.NotFound, "TileOutOfRange")]
    [InlineData("/tiles/communes/1/2/0.png", HttpStatusCode.NotFound, "TileOutOfRange")]
    [InlineData("/tiles/communes/1/0/2.png", HttpStatusCode.NotFound, "TileOutOfRange")]
    [InlineData("/tiles/communes/3/-1/0.png", HttpStatusCode.NotFound, "TileOutOfRange")]
    [InlineData("/tiles/communes/-1/0/0.png", HttpStatusCode.NotFound, "TileOutOfRange")]
    [InlineData("/tiles/communes/3/99999999999999999999999/0.png", HttpStatusCode.NotFound, "TileOutOfRange")]
    [InlineData("/tiles/communes/abc/0/0.png", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/communes/3/1.5/0.png", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/communes/3/+1/0.png", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/communes/3/1/0.gif", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/communes/3/1/0.png?style=nope", HttpStatusCode.BadRequest, "StyleNotDefined")]
    [InlineData("/tiles/communes/3/1/0.png?time=2019-06-15", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/plan/3/1/0.png?time=2019-06-15", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/plu_zones/3/1/0.png?time=2020-01-01", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    [InlineData("/tiles/plu_zones/3/1/0.png?time=yesterday", HttpStatusCode.BadRequest, "InvalidParameterValue")]
    public async Task Errors_are_404_for_tiles_that_cannot_exist_and_400_for_malformed_urls(string url, HttpStatusCode status, string code)
    {
        await using var host = await XyzTestHost.StartAsync();

        using var response = await host.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("description").GetString()));
        Assert.Empty(host.Tiles.Requests);
    }

    [Fact]
    public async Task Urls_that_are_not_tile_addresses_do_not_route()
    {
        await using var host = await XyzTestHost.StartAsync();

        using var noExtension = await host.GetAsync("/tiles/communes/3/1/0");
        using var tooDeep = await host.GetAsync("/tiles/communes/3/1/0/1.png");

        Assert.Equal(HttpStatusCode.NotFound, noExtension.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tooDeep.StatusCode);
    }

    [Fact]
    public async Task Style_and_time_reach_the_tile_request_normalised_like_WMTS()
    {
        await using var host = await XyzTestHost.StartAsync();

        (await host.GetAsync("/tiles/communes/12/2111/1483.png?style=labels")).Dispose();
        (await host.GetAsync("/tiles/communes/12/2111/1483.png?style=default")).Dispose();
        (await host.GetAsync("/tiles/plu_zones/12/2111/1483.png?time=2019-06-15")).Dispose();
        (await host.GetAsync("/tiles/plu_zones/12/2111/1483.png?time=2023-01-10")).Dispose(); // the default date (today is 2024-05-01)
        (await host.GetAsync("/tiles/plu_zones/12/2111/1483.png?time=current")).Dispose();

        var requests = host.Tiles.Requests.ToArray();
        Assert.Equal(5, requests.Length);
        Assert.Equal("labels", requests[0].StyleName);
        Assert.Equal("default", requests[1].StyleName);
        var past = Assert.Single(requests[2].Time!.Ranges);
        Assert.Equal(new DateTimeOffset(2019, 6, 15, 0, 0, 0, TimeSpan.Zero), past.Start);
        Assert.True(past.IsInstant);
        Assert.Null(requests[3].Time);
        Assert.Null(requests[4].Time);
    }

    [Fact]
    public async Task If_None_Match_with_the_tile_ETag_answers_304_without_body()
    {
        await using var host = await XyzTestHost.StartAsync();
        using var first = await host.GetAsync("/tiles/plan/15/16830/11744.png");
        var etag = first.Headers.ETag!;

        foreach (var candidate in new[] { etag.ToString(), "W/" + etag.Tag, "\"other\", " + etag.Tag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/plan/15/16830/11744.png?42");
            request.Headers.TryAddWithoutValidation("If-None-Match", candidate);
            using var revalidated = await host.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, revalidated.Headers.ETag);
            Assert.Equal("public, max-age=3600", revalidated.Headers.CacheControl!.ToString());
        }

        using var changed = new HttpRequestMessage(HttpMethod.Get, "/tiles/plan/15/16830/11744.png");
        changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var fresh = await host.Client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await fresh.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HEAD_sends_the_headers_without_the_body()
    {
        await using var host = await XyzTestHost.StartAsync();
        using var get = await host.GetAsync("/tiles/plan/15/16830/11744.webp");

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/tiles/plan/15/16830/11744.webp"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("image/webp", head.Content.Headers.ContentType!.MediaType);

        using var missing = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/tiles/nope/1/0/0.png"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Cache_Control_follows_the_layer_cache_policy()
    {
        var catalog = XyzTestHost.Catalog(change: l => l.Id == "parcelles" ? l with { Cache = new CachePolicy(true, 600) } : l);
        await using var host = await XyzTestHost.StartAsync(catalog);

        using var parcelles = await host.GetAsync("/tiles/parcelles/16/33760/23570.png");
        using var routes = await host.GetAsync("/tiles/routes/16/33760/23570.png");

        Assert.Equal("public, max-age=600", parcelles.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=3600", routes.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Tile_service_failures_become_503_with_retry_or_a_logged_500()
    {
        await using var host = await XyzTestHost.StartAsync();

        host.Tiles.Failure = ServiceException.Unavailable("Too many renders queued.");
        using var busy = await host.GetAsync("/tiles/plan/15/16830/11744.png");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("1", busy.Headers.RetryAfter!.ToString());

        host.Tiles.Failure = new InvalidOperationException("boom: secret detail");
        using var broken = await host.GetAsync("/tiles/plan/15/16830/11744.png");
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        var text = await broken.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("InternalError", text, StringComparison.Ordinal);
    }
}
