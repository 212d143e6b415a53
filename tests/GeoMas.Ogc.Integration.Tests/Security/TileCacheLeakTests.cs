using System.Net;
using GeoMas.Ogc.Integration.Tests.Tiles;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>
/// Cross-tenant leak: a tile warmed into the cache by partner A is never what partner B or the public receive for
/// the same URL, while a layer everyone sees whole is one shared cache entry (same picture, one revalidation).
/// </summary>
public sealed class TileCacheLeakTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    [Theory]
    [InlineData("parcelles")]
    [InlineData("plan")]
    public async Task A_tile_warmed_by_partner_A_is_not_served_to_B_or_to_the_public(string layer)
    {
        using var a = server.Client(Principal.PartnerA);
        using var b = server.Client(Principal.PartnerB);
        using var anonymous = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/{layer}/16/{x}/{y}.png";

        // Pictures, not bytes: from the second hit on, a tile is sent compacted (same picture, other bytes), so a
        // leaked tile would differ from the warm one in bytes.
        var warm = await ImageAsync(a, url);
        var cached = await ImageAsync(a, url);
        var picture = TilePicture.Of(warm);
        Assert.Equal(picture, TilePicture.Of(cached));
        Assert.True(OpaquePixels(warm) > 500);

        using var asB = await b.GetAsync(url);
        using var asAnonymous = await anonymous.GetAsync(url);
        if (layer == "parcelles")
        {
            // B may see parcels, but none in Gap: an empty tile; the public does not know the layer.
            Assert.Equal(0, OpaquePixels(await asB.Content.ReadAsByteArrayAsync()));
            Assert.Equal(HttpStatusCode.NotFound, asAnonymous.StatusCode);
        }
        else
        {
            Assert.NotEqual(picture, TilePicture.Of(await asB.Content.ReadAsByteArrayAsync()));
            Assert.NotEqual(picture, TilePicture.Of(await asAnonymous.Content.ReadAsByteArrayAsync()));
        }

        // The WMTS REST route reads the same cache entries: still A's tile for A only.
        using var wmtsB = await b.GetAsync($"/wmts/1.0.0/{layer}/default/WebMercatorQuad/16/{y}/{x}.png");
        Assert.NotEqual(picture, TilePicture.Of(await wmtsB.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Tiles_of_an_identified_caller_are_private_for_http_caches()
    {
        using var a = server.Client(Principal.PartnerA);
        using var anonymous = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);

        using var mine = await a.GetAsync($"/tiles/parcelles/16/{x}/{y}.png");
        using var shared = await anonymous.GetAsync($"/tiles/communes/16/{x}/{y}.png");

        Assert.True(mine.Headers.CacheControl!.Private, mine.Headers.CacheControl.ToString());
        Assert.False(mine.Headers.CacheControl.Public);
        Assert.True(shared.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task Documents_for_an_identified_caller_are_never_stored_by_http_caches()
    {
        using var a = server.Client(Principal.PartnerA);

        using var collection = await a.GetAsync("/collections/parcelles");
        using var items = await a.GetAsync("/collections/parcelles/items?limit=1");

        foreach (var response in new[] { collection, items })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.Private, response.Headers.CacheControl.ToString());
            Assert.True(response.Headers.CacheControl.NoStore, response.Headers.CacheControl.ToString());
            Assert.Contains("Authorization", response.Headers.Vary);
        }
    }

    [Theory]
    [InlineData("", "private, no-store")]
    [InlineData("public, max-age=3600", "private, max-age=3600")]
    [InlineData("max-age=60", "private, max-age=60")]
    [InlineData("no-store", "no-store")]
    public void Identified_callers_get_a_private_cache_policy(string set, string sent) =>
        Assert.Equal(sent, GeoMas.Ogc.Server.Security.SecurityMiddleware.PrivateCacheControl(set));

    [Fact]
    public async Task A_layer_seen_whole_is_one_shared_cache_entry()
    {
        using var a = server.Client(Principal.PartnerA);
        using var admin = server.Client(Principal.Admin);
        using var anonymous = server.Client(Principal.Anonymous);
        var (x, y) = Tile16(Gap);
        var url = $"/tiles/communes/16/{x}/{y}.png";

        using var first = await anonymous.GetAsync(url);
        using var second = await a.GetAsync(url);
        using var third = await admin.GetAsync(url);
        // One entry answers everyone's revalidation of the first answer, compacted since or not.
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await admin.SendAsync(revalidation);

        var picture = TilePicture.Of(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal(picture, TilePicture.Of(await second.Content.ReadAsByteArrayAsync()));
        Assert.Equal(picture, TilePicture.Of(await third.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
