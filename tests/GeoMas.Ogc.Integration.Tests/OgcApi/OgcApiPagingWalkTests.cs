using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// The issue's paging complaint: following <c>next</c> from the first page to the end (limit=1000) returns every parcel
/// exactly once and as many as the database holds — on the GeoPackage and on PostGIS.
/// </summary>
public sealed class OgcApiPagingWalkTests : IClassFixture<EmbeddedServerFixture>, IClassFixture<PostGisOgcApiFixture>
{
    private readonly EmbeddedServerFixture _geoPackage;
    private readonly PostGisOgcApiFixture _postGis;

    public OgcApiPagingWalkTests(EmbeddedServerFixture geoPackage, PostGisOgcApiFixture postGis)
    {
        _geoPackage = geoPackage;
        _postGis = postGis;
    }

    [Theory]
    [InlineData(false, "parcelles", "")]
    [InlineData(true, "parcelles", "")]
    [InlineData(true, "parcelles", "&sortby=-contenance")]    // ties on contenance: the id closes the order
    [InlineData(true, "batiments", "&sortby=type")]
    [InlineData(false, "batiments", "&sortby=type")]
    public async Task Walking_next_links_returns_every_feature_exactly_once(bool postGis, string collection, string sort)
    {
        var client = postGis ? _postGis.App.CreateClient() : _geoPackage.App.CreateClient();
        var expected = await DatabaseCounts.RowsAsync(postGis, collection);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var pages = 0;
        long? matched = null;
        string? url = $"/collections/{collection}/items?limit=1000&properties={(collection == "parcelles" ? "commune" : "type")}{sort}";
        while (url is not null)
        {
            var page = await GetOkAsync(client, url, "application/geo+json");
            matched ??= page.Json.GetProperty("numberMatched").GetInt64();
            Assert.Equal(matched, page.Json.GetProperty("numberMatched").GetInt64());
            foreach (var feature in page.Features)
            {
                if (!seen.Add(Id(feature)))
                    duplicates++;
            }
            pages++;
            url = page.OptionalLink("next") is { } next ? PathOf(next) : null;
        }

        Assert.Equal(0, duplicates);
        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, matched);
        Assert.Equal((int)Math.Ceiling(expected / 1000.0), pages);
    }

    private static string Id(JsonElement feature) =>
        feature.GetProperty("id").ValueKind == JsonValueKind.Number
            ? feature.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)
            : feature.GetProperty("id").GetString()!;
}
