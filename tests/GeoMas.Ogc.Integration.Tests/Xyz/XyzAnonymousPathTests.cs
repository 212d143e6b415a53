using System.Net;
using GeoMas.Ogc.Integration.Tests.Security;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Xyz;

/// <summary>
/// Tile requests without credentials skip the authentication handlers (SecurityMiddleware's anonymous path) and the
/// request container. What must still hold on that path: hidden layers stay hidden, any spelling of a key still goes
/// through authentication (a wrong one is a 401, never a silent anonymous), Geotrek's query noise is not mistaken
/// for a key, and cached tiles keep CORS, public caching, ETag/304 and HEAD.
/// </summary>
public sealed class XyzAnonymousPathTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    [Fact]
    public async Task A_hidden_layer_is_unknown_to_anonymous_callers_and_a_key_in_the_url_opens_it()
    {
        using var anonymous = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/plu_zones/16/{x}/{y}.png";

        using var hidden = await anonymous.GetAsync(url);
        using var keyed = await anonymous.GetAsync(url + "?apikey=" + Uri.EscapeDataString(server.WebKey));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal("image/png", keyed.Content.Headers.ContentType!.MediaType);
        Assert.True(keyed.Headers.CacheControl!.Private, keyed.Headers.CacheControl.ToString());
    }

    [Theory]
    [InlineData("?apikey=")]
    [InlineData("?APIKEY=")]
    [InlineData("?%61pikey=")]
    [InlineData("?123&ApiKey=")]
    [InlineData("header")]
    public async Task A_wrong_key_in_any_spelling_is_a_401_on_a_public_tile(string where)
    {
        using var client = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/communes/16/{x}/{y}.png";
        const string bogus = "gm_not-a-key";
        if (where == "header")
            client.DefaultRequestHeaders.Add("X-Api-Key", bogus);
        else
            url += where + bogus;

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?123")]
    [InlineData("?trek=42&lang=fr")]
    public async Task Geotrek_query_noise_is_an_anonymous_public_tile(string query)
    {
        using var client = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);

        using var response = await client.GetAsync($"/tiles/communes/16/{x}/{y}.png{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public, response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_cached_anonymous_tile_keeps_CORS_public_caching_304_and_HEAD()
    {
        using var client = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/communes/16/{x + 1}/{y}.png";
        using var first = await client.GetAsync(url);
        var bytes = await first.Content.ReadAsByteArrayAsync();

        using var cached = await client.GetAsync(url);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        // From this second hit on, the tile is sent compacted (cache.compactHotTiles): HEAD answers as a GET does now.
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var now = await client.GetAsync(url);
        var nowBytes = await now.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(bytes, await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes.Length, cached.Content.Headers.ContentLength);
        Assert.Equal("*", cached.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(cached.Headers.CacheControl!.Public);
        Assert.NotNull(cached.Headers.CacheControl.MaxAge);
        Assert.Equal(first.Headers.ETag, cached.Headers.ETag);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(cached.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal("*", notModified.Headers.GetValues("Access-Control-Allow-Origin").Single());

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(nowBytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(now.Headers.ETag, head.Headers.ETag);
        Assert.True(nowBytes.Length <= bytes.Length);
    }
}
