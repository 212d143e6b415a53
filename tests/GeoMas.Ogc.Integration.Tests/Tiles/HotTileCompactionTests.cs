using System.Net;
using System.Net.Http.Headers;
using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Server.Http;
using GeoMas.Ogc.Server.Http.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Tiles;

/// <summary>
/// A tile asked for again is sent in fewer bytes (<c>cache.compactHotTiles</c>): on the real server, through the XYZ
/// fast path and the WMTS and OGC API endpoints, with the same pixels, and clients holding the rendered bytes keep
/// revalidating them.
/// </summary>
public sealed class HotTileCompactionTests : IAsyncLifetime
{
    // communes at z10 around Gap: boundaries, fills and names of the demo data; a collection too (OGC API tiles).
    private const string Xyz = "/tiles/communes/10/529/370.png";
    private const string Wmts = "/wmts/1.0.0/communes/default/WebMercatorQuad/10/370/529.png";
    private const string OgcApi = "/collections/communes/tiles/WebMercatorQuad/10/370/529?f=png";

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync("--cache:store=none");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_second_hit_sends_the_tile_compacted_with_the_same_pixels_and_a_new_etag()
    {
        using var client = _app.CreateClient();
        var rendered = await GetAsync(client, Xyz);
        var firstHit = await GetAsync(client, Xyz);
        var secondHit = await GetAsync(client, Xyz);
        var thirdHit = await GetAsync(client, Xyz);

        Assert.Equal(rendered.Bytes, firstHit.Bytes);
        Assert.Equal(rendered.ETag, firstHit.ETag);
        Assert.True(secondHit.Bytes.Length < rendered.Bytes.Length, $"{secondHit.Bytes.Length} bytes, rendered {rendered.Bytes.Length}");
        Assert.NotEqual(rendered.ETag, secondHit.ETag);
        Assert.Equal(TilePicture.Of(rendered.Bytes), TilePicture.Of(secondHit.Bytes));
        Assert.Equal(secondHit.Bytes, thirdHit.Bytes);
        Assert.Equal(secondHit.ETag, thirdHit.ETag);

        // Every protocol reads the same memory tier: WMTS and OGC API send the compact bytes too.
        Assert.Equal(secondHit.Bytes, (await GetAsync(client, Wmts)).Bytes);
        Assert.Equal(secondHit.Bytes, (await GetAsync(client, OgcApi)).Bytes);
    }

    [Fact]
    public async Task On_kestrel_the_fast_path_leaves_the_compacting_hit_to_the_tile_endpoint()
    {
        // With inline completions the fast path answers on the socket event thread, which must not spend the
        // compaction's milliseconds: it declines that one hit, and the tile endpoint, on a pool thread, makes it.
        await using var app = await KestrelTestApp.StartAsync("--cache:store=none");
        // Both fast paths: the connection's (which takes HttpClient's plain GETs) and the pipeline's.
        var fastPath = app.App.Services.GetRequiredService<CachedTileFastPath>();
        var connectionPath = app.App.Services.GetRequiredService<ConnectionTileFastPath>();
        using var client = app.CreateClient();
        var rendered = await GetAsync(client, Xyz);
        var answered = new List<long>();
        var hits = new List<(byte[] Bytes, EntityTagHeaderValue ETag)>();
        for (var i = 0; i < 3; i++)
        {
            var before = fastPath.Answered + connectionPath.Answered;
            hits.Add(await GetAsync(client, Xyz));
            answered.Add(fastPath.Answered + connectionPath.Answered - before);
        }

        Assert.Equal([1L, 0L, 1L], answered);
        Assert.Equal(rendered.Bytes, hits[0].Bytes);
        Assert.True(hits[1].Bytes.Length < rendered.Bytes.Length, $"{hits[1].Bytes.Length} bytes, rendered {rendered.Bytes.Length}");
        Assert.Equal(TilePicture.Of(rendered.Bytes), TilePicture.Of(hits[1].Bytes));
        Assert.Equal(hits[1].Bytes, hits[2].Bytes);
        Assert.Equal(hits[1].ETag, hits[2].ETag);
    }

    [Theory]
    [InlineData(Xyz)]
    [InlineData(Wmts)]
    [InlineData(OgcApi)]
    public async Task A_client_holding_the_rendered_bytes_still_gets_304_naming_them(string url)
    {
        using var client = _app.CreateClient();
        var rendered = await GetAsync(client, Xyz);
        await GetAsync(client, Xyz);
        var compact = await GetAsync(client, Xyz);
        Assert.NotEqual(rendered.ETag, compact.ETag);

        foreach (var held in new[] { rendered.ETag, compact.ETag })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(held);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(held, response.Headers.ETag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Tiles_keep_their_rendered_bytes_when_compaction_is_off()
    {
        await using var app = await TestApp.StartAsync("--cache:store=none", "--cache:compactHotTiles=false");
        using var client = app.CreateClient();
        var rendered = await GetAsync(client, Xyz);
        for (var i = 0; i < 3; i++)
        {
            var hit = await GetAsync(client, Xyz);
            Assert.Equal(rendered.Bytes, hit.Bytes);
            Assert.Equal(rendered.ETag, hit.ETag);
        }
    }

    private static async Task<(byte[] Bytes, EntityTagHeaderValue ETag)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag!);
    }
}
