using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// plu_zones "current by default" (ARCHITECTURE.md): without datetime the versions in force today; with datetime the
/// versions in force then (an instant) or at some time in the interval; an item by id whatever its validity.
/// Expected counts are read from the GeoPackage itself.
/// </summary>
public sealed class OgcApiPlanningHistoryTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    private readonly HttpClient _client = server.App.CreateClient();

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Without_datetime_the_zones_in_force_today_are_served()
    {
        var expected = await DatabaseCounts.ScalarAsync(false,
            $"SELECT count(*) FROM plu_zones WHERE valid_from <= '{Today}' AND (valid_to IS NULL OR valid_to > '{Today}')");
        var all = await DatabaseCounts.RowsAsync(false, "plu_zones");
        var items = await GetOkAsync(_client, "/collections/plu_zones/items?limit=10000", "application/geo+json");

        Assert.True(expected < all, "the data should hold expired versions");
        Assert.Equal(expected, items.Features.Count);
        Assert.Equal(expected, items.Json.GetProperty("numberMatched").GetInt64());
        Assert.All(items.Features, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("properties").GetProperty("valid_to").ValueKind));
    }

    [Theory]
    [InlineData("2010-01-01")]
    [InlineData("2010-01-01T12:00:00Z")]
    [InlineData("2021-06-11")]              // the day a version ends and its successor starts: only the successor
    public async Task An_instant_serves_the_versions_in_force_on_that_day(string datetime)
    {
        var day = datetime[..10];
        var expected = await DatabaseCounts.ScalarAsync(false,
            $"SELECT count(*) FROM plu_zones WHERE valid_from <= '{day}' AND (valid_to IS NULL OR valid_to > '{day}')");
        var items = await GetOkAsync(_client, "/collections/plu_zones/items?limit=10000&datetime=" + Uri.EscapeDataString(datetime), "application/geo+json");

        Assert.True(expected > 0);
        Assert.Equal(expected, items.Json.GetProperty("numberMatched").GetInt64());
        Assert.Equal(expected, items.Features.Count);
        Assert.All(items.Features, f =>
        {
            var properties = f.GetProperty("properties");
            Assert.True(string.CompareOrdinal(properties.GetProperty("valid_from").GetString(), day) <= 0);
            if (properties.GetProperty("valid_to").GetString() is { } end)
                Assert.True(string.CompareOrdinal(end, day) > 0);
        });
    }

    [Fact]
    public async Task The_2010_zoning_differs_from_today()
    {
        var then = await GetOkAsync(_client, "/collections/plu_zones/items?limit=10000&properties=&datetime=2010-01-01", "application/geo+json");
        var now = await GetOkAsync(_client, "/collections/plu_zones/items?limit=10000&properties=", "application/geo+json");

        Assert.Empty(then.Features.Select(f => f.GetProperty("id").GetInt64()).Intersect(now.Features.Select(f => f.GetProperty("id").GetInt64())));
    }

    [Fact]
    public async Task An_open_interval_serves_every_version_that_meets_it()
    {
        var all = await DatabaseCounts.RowsAsync(false, "plu_zones");
        var everything = await GetOkAsync(_client, "/collections/plu_zones/items?limit=10000&datetime=../..", "application/geo+json");
        var since2021 = await GetOkAsync(_client, "/collections/plu_zones/items?limit=10000&datetime=2021-07-01T00:00:00Z/..", "application/geo+json");
        var expectedSince = await DatabaseCounts.ScalarAsync(false, "SELECT count(*) FROM plu_zones WHERE valid_to IS NULL OR valid_to > '2021-07-01'");

        Assert.Equal(all, everything.Json.GetProperty("numberMatched").GetInt64());
        Assert.Equal(expectedSince, since2021.Json.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task An_expired_version_is_still_served_by_id()
    {
        var expiredId = await DatabaseCounts.ScalarAsync(false, "SELECT min(id) FROM plu_zones WHERE valid_to IS NOT NULL");
        var feature = await GetOkAsync(_client, $"/collections/plu_zones/items/{expiredId}", "application/geo+json");

        Assert.Equal(expiredId, feature.Json.GetProperty("id").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, feature.Json.GetProperty("properties").GetProperty("valid_to").ValueKind);
    }
}
