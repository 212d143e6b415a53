using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Integration.Tests.OgcApi;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.Export;

/// <summary>
/// Next links of /items carry a keyset cursor (and the offset that numbers the page) in the default order; the pages
/// they give are the offset pages; explicit offset paging keeps offset links; forged cursors are a 400. The
/// whole-walk "every feature once" check on both sources is OgcApiPagingWalkTests, which now follows cursors.
/// Per-layer count modes are checked on a server started with parcelles set to count: none / estimated.
/// </summary>
public sealed class KeysetCursorLinkTests(PostGisOgcApiFixture postGis) : IClassFixture<PostGisOgcApiFixture>
{
    private readonly HttpClient _client = postGis.App.CreateClient();

    private static string Href(OgcApiResponse page, string rel) => page.Link(rel).GetProperty("href").GetString()!;

    private static IEnumerable<string> Ids(OgcApiResponse page) => page.Features.Select(f => f.GetProperty("id").GetString()!);

    [Fact]
    public async Task Cursor_pages_are_the_offset_pages_and_prev_goes_back_by_offset()
    {
        var first = await GetOkAsync(_client, "/collections/parcelles/items?limit=50&properties=commune", "application/geo+json");
        Assert.Contains("cursor=", Href(first, "next"), StringComparison.Ordinal);
        Assert.Contains("offset=50", Href(first, "next"), StringComparison.Ordinal);
        var second = await GetOkAsync(_client, PathOf(first.Link("next")), "application/geo+json");
        var third = await GetOkAsync(_client, PathOf(second.Link("next")), "application/geo+json");
        var byOffset = await GetOkAsync(_client, "/collections/parcelles/items?limit=150&properties=commune", "application/geo+json");

        Assert.Equal(Ids(byOffset), Ids(first).Concat(Ids(second)).Concat(Ids(third)));
        Assert.Contains("offset=100", Href(second, "next"), StringComparison.Ordinal);
        Assert.DoesNotContain("cursor=", Href(second, "prev"), StringComparison.Ordinal);
        var back = await GetOkAsync(_client, PathOf(second.Link("prev")), "application/geo+json");
        Assert.Equal(Ids(first), Ids(back));
        Assert.Equal(byOffset.Json.GetProperty("numberMatched").GetInt64(), third.Json.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task Explicit_offset_paging_and_sorted_pages_keep_offset_links()
    {
        var byOffset = await GetOkAsync(_client, "/collections/parcelles/items?limit=5&offset=10", "application/geo+json");
        var sorted = await GetOkAsync(_client, "/collections/parcelles/items?limit=5&sortby=-contenance", "application/geo+json");

        Assert.DoesNotContain("cursor=", Href(byOffset, "next"), StringComparison.Ordinal);
        Assert.Contains("offset=15", Href(byOffset, "next"), StringComparison.Ordinal);
        Assert.DoesNotContain("cursor=", Href(sorted, "next"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cursor=abc")]
    [InlineData("cursor=JyBPUiAxPTE7IC0t")]                  // base64url of "' OR 1=1; --"
    [InlineData("cursor=%27%20OR%201%3D1--")]
    [InlineData("cursor=")]
    public async Task A_forged_cursor_is_a_400(string parameter)
    {
        var error = await GetErrorAsync(_client, "/collections/parcelles/items?limit=5&" + parameter, HttpStatusCode.BadRequest);
        Assert.Contains("cursor", error.Json.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cursor_of_another_collection_or_with_a_sort_or_a_wrong_id_type_is_a_400()
    {
        var parcel = KeysetCursor.Encode("parcelles", "05061000AW0025");
        await GetErrorAsync(_client, "/collections/batiments/items?cursor=" + parcel, HttpStatusCode.BadRequest);
        await GetErrorAsync(_client, "/collections/parcelles/items?sortby=commune&cursor=" + parcel, HttpStatusCode.BadRequest);
        await GetErrorAsync(_client, "/collections/batiments/items?cursor=" + KeysetCursor.Encode("batiments", "12 OR 1=1"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("estimated")]
    public async Task The_count_mode_of_a_layer_decides_number_matched(string mode)
    {
        await using var app = await TestApp.StartAsync(
            "--config", RepositoryPaths.Config("geomas.postgis.json"), "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis,
            "--Layers:1:Count=" + mode);
        var client = app.CreateClient();
        var page = await GetOkAsync(client, "/collections/parcelles/items?limit=3", "application/geo+json");
        var exact = await DatabaseCounts.RowsAsync(true, "parcelles");

        if (mode == "none")
        {
            Assert.False(page.Json.TryGetProperty("numberMatched", out _));
        }
        else
        {
            // reltuples: the planner's statistics, within a few percent of the real count once analysed.
            var estimated = page.Json.GetProperty("numberMatched").GetInt64();
            Assert.InRange(estimated, exact * 0.9, exact * 1.1);
        }
        Assert.Equal(3, page.Features.Count);
    }
}
