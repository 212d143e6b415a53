using System.Net;
using GeoMas.Ogc.Integration.Tests.Security;
using GeoMas.Ogc.Server.Http;
using GeoMas.Ogc.Server.Usage;
using Microsoft.Extensions.DependencyInjection;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Server.Http;

/// <summary>
/// The cached-tile fast path answers exactly as the tile endpoint does: two servers on one disk cache, one with the
/// path and one without (<c>server.tileFastPath=false</c>), give the same status, headers, body and usage counts for
/// the same requests — and the path really answered them (its counter), or they would compare two normal paths.
/// </summary>
public sealed class CachedTileFastPathTests : IAsyncLifetime
{
    private readonly string _cache = Directory.CreateTempSubdirectory("geomas-fastpath-").FullName;
    private TestApp _fast = null!;
    private TestApp _normal = null!;

    public async Task InitializeAsync()
    {
        string[] common = ["--cache:diskPath=" + _cache, "--usage:directory=" + Path.Combine(_cache, "usage"), "--usage:flushIntervalSeconds=3600"];
        _fast = await TestApp.StartAsync(common);
        _normal = await TestApp.StartAsync([.. common, "--server:tileFastPath=false"]);
    }

    public async Task DisposeAsync()
    {
        await _fast.DisposeAsync();
        await _normal.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }

    [Theory]
    [InlineData("/tiles/communes/10/529/370.png")]
    [InlineData("/tiles/plan/12/2117/1480.png")]
    [InlineData("/tiles/communes/10/529/371.webp")]
    public async Task A_cached_tile_is_answered_alike_with_and_without_the_fast_path(string url)
    {
        using var fastClient = _fast.CreateClient();
        using var normalClient = _normal.CreateClient();
        // Rendered and stored on disk by the first server, read from the disk by the second: the same bytes in both.
        using (var warm = await fastClient.GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        using (var warm = await normalClient.GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var answered = Answered(_fast);

        foreach (var variant in new[] { url, url + "?123", url + "?trek=42&lang=fr" })
        {
            using var fast = await fastClient.GetAsync(variant);
            using var normal = await normalClient.GetAsync(variant);
            await AssertSameAsync(normal, fast);
            Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
            Assert.NotNull(fast.Headers.ETag);

            using var fast304 = await fastClient.SendAsync(Conditional(variant, fast.Headers.ETag));
            using var normal304 = await normalClient.SendAsync(Conditional(variant, fast.Headers.ETag));
            await AssertSameAsync(normal304, fast304);
            Assert.Equal(HttpStatusCode.NotModified, fast304.StatusCode);
        }

        Assert.Equal(answered + 6, Answered(_fast));
        Assert.Equal(0, Answered(_normal));
    }

    [Fact]
    public async Task Usage_counts_the_same_requests_bytes_and_tiles_on_both_paths()
    {
        const string url = "/tiles/communes/10/530/370.png";
        foreach (var app in new[] { _fast, _normal })
        {
            using var client = app.CreateClient();
            using var warm = await client.GetAsync(url);
            using var cached = await client.GetAsync(url + "?123");
            using var notModified = await client.SendAsync(Conditional(url, cached.Headers.ETag));
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
        Assert.Equal(2, Answered(_fast));

        var fast = Drained(_fast);
        var normal = Drained(_normal);
        Assert.Equal(normal, fast);
        var row = Assert.Single(fast);
        Assert.Equal((3L, 2L), (row.Requests, row.Tiles));
    }

    [Fact]
    public async Task Misses_HEAD_other_methods_and_unknown_tiles_go_through_the_pipeline()
    {
        using var client = _fast.CreateClient();
        const string url = "/tiles/communes/10/531/370.png";

        using var miss = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var post = await client.PostAsync(url, new StringContent(""));
        using var unknown = await client.GetAsync("/tiles/nope/10/531/370.png");
        using var outOfRange = await client.GetAsync("/tiles/communes/2/9/9.png");
        using var styled = await client.GetAsync(url + "?style=nope");

        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Equal("image/png", miss.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(miss.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outOfRange.StatusCode);
        // The style parameter is the endpoint's to read: an unknown style is its 400, not the cached default tile.
        Assert.Equal(HttpStatusCode.BadRequest, styled.StatusCode);
        Assert.Equal(0, Answered(_fast));
    }

    internal static long Answered(TestApp app) => app.App.Services.GetRequiredService<CachedTileFastPath>().Answered;

    internal static HttpRequestMessage Conditional(string url, System.Net.Http.Headers.EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag!);
        return request;
    }

    private static List<UsageRecord> Drained(TestApp app) =>
        [.. app.App.Services.GetRequiredService<UsageAggregator>().Drain(DateOnly.FromDateTime(DateTime.UtcNow)).Counters];

    private static async Task AssertSameAsync(HttpResponseMessage expected, HttpResponseMessage actual)
    {
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(Headers(expected), Headers(actual));
        Assert.Equal(await expected.Content.ReadAsByteArrayAsync(), await actual.Content.ReadAsByteArrayAsync());
    }

    private static List<string> Headers(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .Select(h => h.Key.ToLowerInvariant() + ": " + string.Join(", ", h.Value))
            .Order(StringComparer.Ordinal)];
}

/// <summary>With access rules: the fast path serves the public's tiles to anonymous callers and nothing else.</summary>
public sealed class CachedTileFastPathSecurityTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private long Answered => CachedTileFastPathTests.Answered(server.App);

    [Fact]
    public async Task Callers_with_a_key_in_a_header_or_the_url_never_take_it()
    {
        using var anonymous = server.Client(Principal.Anonymous);
        using var keyed = server.Client(Principal.PublicKey);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/communes/16/{x}/{y}.png";
        using (var warm = await anonymous.GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        using (var cached = await anonymous.GetAsync(url + "?123"))
            Assert.True(cached.Headers.CacheControl!.Public);
        var answered = Answered;
        Assert.True(answered > 0, "the anonymous cached tile was not answered by the fast path");

        using var byHeader = await keyed.GetAsync(url);
        using var byQuery = await anonymous.GetAsync(url + "?apikey=" + Uri.EscapeDataString(server.WebKey));

        foreach (var response in new[] { byHeader, byQuery })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.Private, response.Headers.CacheControl.ToString());
            Assert.Contains("X-Api-Key", response.Headers.Vary);
        }
        Assert.Equal(answered, Answered);
    }

    [Fact]
    public async Task A_restricted_layer_cached_for_a_key_is_never_served_to_the_public()
    {
        using var keyed = server.Client(Principal.PublicKey);
        using var anonymous = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/plu_zones/16/{x}/{y}.png";
        // The key sees the whole PLU layer: its tiles are in memory, under the public scope.
        await ImageAsync(keyed, url);
        await ImageAsync(keyed, url);
        var answered = Answered;

        using var hidden = await anonymous.GetAsync(url);
        using var hiddenWithNoise = await anonymous.GetAsync(url + "?123");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenWithNoise.StatusCode);
        Assert.Equal(answered, Answered);
    }
}
