using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.Usage;

/// <summary>
/// Requests as two partners and the public through every protocol, then the export: tiles, features and bytes per
/// partner, layer and protocol are exactly what the clients received, and they survive a restart (the shutdown
/// flush writes what the last requests counted).
/// </summary>
public sealed class UsageEndToEndTests : IDisposable
{
    private const string Tile = "/tiles/communes/10/529/370.png";
    private const string WmtsTile = "/wmts/1.0.0/communes/default/WebMercatorQuad/10/370/529.png";
    private const string Items = "/collections/communes/items?limit=5";
    private const string WfsGetFeature = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=communes&COUNT=3";
    private const string GetMap = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes,routes&STYLES=&CRS=EPSG:2154&BBOX=935000,6380000,955000,6400000&WIDTH=256&HEIGHT=256&FORMAT=image/png";

    private readonly MeteredServer _server = new();
    private readonly Dictionary<(string Partner, string Layer, string Protocol), long> _bytes = [];

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Two_partners_and_the_public_are_counted_per_layer_and_protocol_and_the_counts_survive_a_restart()
    {
        await using (var app = await _server.StartAsync())
        {
            var a = MeteredServer.WithKey(app.CreateClient(), _server.KeyA);
            var b = MeteredServer.WithKey(app.CreateClient(), _server.KeyB);
            var anonymous = app.CreateClient();
            for (var i = 0; i < 3; i++)
                await GetAsync(a, Tile, MeteredServer.PartnerA, "communes", "xyz");
            await GetAsync(a, WmtsTile, MeteredServer.PartnerA, "communes", "wmts");
            await GetAsync(a, Items, MeteredServer.PartnerA, "communes", "ogcapi");
            await GetAsync(a, WfsGetFeature, MeteredServer.PartnerA, "communes", "wfs");
            await GetAsync(a, GetMap, MeteredServer.PartnerA, "communes,routes", "wms");
            for (var i = 0; i < 2; i++)
                await GetAsync(b, Tile, MeteredServer.PartnerB, "communes", "xyz");
            await GetAsync(b, "/collections/communes/items?limit=2", MeteredServer.PartnerB, "communes", "ogcapi");
            await GetAsync(anonymous, Tile, "", "communes", "xyz");
            // Not usage: a refused request and the operator's own endpoints.
            using (var missing = await a.GetAsync("/collections/nope/items"))
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

            var admin = MeteredServer.WithKey(app.CreateClient(), _server.AdminKey);
            AssertCounts(await ExportAsync(admin));

            // After the export (which flushed): only the shutdown flush can save this one.
            await GetAsync(b, Tile, MeteredServer.PartnerB, "communes", "xyz");
        }

        await using (var restarted = await _server.StartAsync())
        {
            var admin = MeteredServer.WithKey(restarted.CreateClient(), _server.AdminKey);
            var rows = await ExportAsync(admin);
            AssertCounts(rows);
            Assert.Equal(3, Row(rows, MeteredServer.PartnerB, "communes", "xyz").GetProperty("tiles").GetInt64());

            // The steering committee's view: distinct clients per application and day.
            using var clients = await admin.GetAsync("/admin/usage/clients?f=json");
            Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
            var applications = JsonDocument.Parse(await clients.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").EnumerateArray()
                .ToDictionary(r => r.GetProperty("application").GetString()!, r => r.GetProperty("clients").GetInt64());
            Assert.Equal(1, applications["key:gap-web"]);
            Assert.Equal(1, applications["key:ouest-web"]);
            Assert.Equal(1, applications["public"]);
            Assert.False(applications.ContainsKey("key:ops"), "the operator's export is not usage");
        }
    }

    [Fact]
    public async Task A_head_request_for_a_tile_counts_as_a_request_without_bytes()
    {
        await using var app = await _server.StartAsync();
        var a = MeteredServer.WithKey(app.CreateClient(), _server.KeyA);

        using var head = await a.SendAsync(new HttpRequestMessage(HttpMethod.Head, Tile));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);

        var row = Row(await ExportAsync(MeteredServer.WithKey(app.CreateClient(), _server.AdminKey)), MeteredServer.PartnerA, "communes", "xyz");
        Assert.Equal(1, row.GetProperty("requests").GetInt64());
        Assert.Equal(0, row.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task Feature_info_and_downloads_count_their_features_and_an_ogc_api_map_its_collection()
    {
        await using var app = await _server.StartAsync();
        var a = MeteredServer.WithKey(app.CreateClient(), _server.KeyA);
        const string box = "BBOX=935000,6380000,955000,6400000&WIDTH=256&HEIGHT=256";
        await GetAsync(a, "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=communes&QUERY_LAYERS=communes&STYLES=&CRS=EPSG:2154&"
            + box + "&I=128&J=128&INFO_FORMAT=application/json", MeteredServer.PartnerA, "communes", "wms");
        await GetAsync(a, "/collections/communes/map?" + box.Replace("BBOX", "bbox", StringComparison.Ordinal).Replace("WIDTH", "width", StringComparison.Ordinal).Replace("HEIGHT", "height", StringComparison.Ordinal)
            + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154", MeteredServer.PartnerA, "communes", "ogcapi");

        var rows = await ExportAsync(MeteredServer.WithKey(app.CreateClient(), _server.AdminKey));

        var info = Row(rows, MeteredServer.PartnerA, "communes", "wms");
        Assert.Equal(1, info.GetProperty("requests").GetInt64());
        Assert.Equal(1, info.GetProperty("features").GetInt64());
        var map = Row(rows, MeteredServer.PartnerA, "communes", "ogcapi");
        Assert.Equal(1, map.GetProperty("requests").GetInt64());
        Assert.Equal(_bytes[(MeteredServer.PartnerA, "communes", "ogcapi")], map.GetProperty("bytes").GetInt64());

        // A download counts the rows it wrote: one CSV line per feature after the header.
        using var csv = await a.GetAsync("/collections/routes/items?f=csv&limit=7");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        rows = await ExportAsync(MeteredServer.WithKey(app.CreateClient(), _server.AdminKey));
        Assert.Equal(7, lines);
        Assert.Equal(lines, Row(rows, MeteredServer.PartnerA, "routes", "ogcapi").GetProperty("features").GetInt64());
    }

    [Fact]
    public async Task The_csv_export_groups_by_the_asked_dimensions_and_days()
    {
        await using var app = await _server.StartAsync();
        var a = MeteredServer.WithKey(app.CreateClient(), _server.KeyA);
        await GetAsync(a, Tile, MeteredServer.PartnerA, "communes", "xyz");
        await GetAsync(a, Items, MeteredServer.PartnerA, "communes", "ogcapi");
        var admin = MeteredServer.WithKey(app.CreateClient(), _server.AdminKey);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var csv = await admin.GetAsync($"/admin/usage?from={today}&to={today}&groupBy=partner,day&f=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,partner,requests,tiles,features,bytes", lines[0]);
        var bytes = _bytes.Values.Sum();
        Assert.Equal($"{today},{MeteredServer.PartnerA},2,1,5,{bytes}", Assert.Single(lines[1..]));

        using var yesterday = await admin.GetAsync($"/admin/usage?from=2020-01-01&to=2020-01-02&f=csv");
        Assert.Single((await yesterday.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        using var bad = await admin.GetAsync("/admin/usage?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badGroup = await admin.GetAsync("/admin/usage?groupBy=partner,colour");
        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
    }

    [Fact]
    public async Task On_postgresql_the_counts_land_in_the_usage_table()
    {
        var schema = "usage_e2e_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using (var app = await _server.StartAsync("--usage:connectionString=" + RepositoryPaths.PostGis, "--usage:schema=" + schema))
            {
                var a = MeteredServer.WithKey(app.CreateClient(), _server.KeyA);
                await GetAsync(a, Tile, MeteredServer.PartnerA, "communes", "xyz");
                await GetAsync(a, WfsGetFeature, MeteredServer.PartnerA, "communes", "wfs");
            }

            await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SELECT protocol, requests, tiles, features, bytes FROM \"{schema}\".geomas_usage WHERE partner = @p AND principal = 'key:gap-web' AND layer = 'communes' ORDER BY protocol", connection);
            command.Parameters.AddWithValue("p", MeteredServer.PartnerA);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("wfs", 1L, 0L, 3L, _bytes[(MeteredServer.PartnerA, "communes", "wfs")]),
                (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("xyz", 1L, 1L, 0L, _bytes[(MeteredServer.PartnerA, "communes", "xyz")]),
                (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        finally
        {
            await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private void AssertCounts(JsonElement rows)
    {
        AssertRow(rows, MeteredServer.PartnerA, "communes", "xyz", requests: 3, tiles: 3, features: 0);
        AssertRow(rows, MeteredServer.PartnerA, "communes", "wmts", requests: 1, tiles: 1, features: 0);
        AssertRow(rows, MeteredServer.PartnerA, "communes", "ogcapi", requests: 1, tiles: 0, features: 5);
        AssertRow(rows, MeteredServer.PartnerA, "communes", "wfs", requests: 1, tiles: 0, features: 3);
        AssertRow(rows, MeteredServer.PartnerA, "communes,routes", "wms", requests: 1, tiles: 0, features: 0);
        AssertRow(rows, MeteredServer.PartnerB, "communes", "ogcapi", requests: 1, tiles: 0, features: 2);
        AssertRow(rows, "", "communes", "xyz", requests: 1, tiles: 1, features: 0);
        // The 404 of an unknown collection counted nowhere.
        Assert.DoesNotContain(rows.EnumerateArray(), r => r.GetProperty("layer").GetString() == "" && r.GetProperty("partner").GetString() == MeteredServer.PartnerA);
    }

    private void AssertRow(JsonElement rows, string partner, string layer, string protocol, long requests, long tiles, long features)
    {
        var row = Row(rows, partner, layer, protocol);
        Assert.Equal((requests, tiles, features, _bytes[(partner, layer, protocol)]),
            (row.GetProperty("requests").GetInt64(), row.GetProperty("tiles").GetInt64(), row.GetProperty("features").GetInt64(), row.GetProperty("bytes").GetInt64()));
    }

    private static JsonElement Row(JsonElement rows, string partner, string layer, string protocol) =>
        Assert.Single(rows.EnumerateArray(), r => r.GetProperty("partner").GetString() == partner
            && r.GetProperty("layer").GetString() == layer && r.GetProperty("protocol").GetString() == protocol);

    private static async Task<JsonElement> ExportAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/admin/usage?groupBy=partner,layer,protocol&f=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").Clone();
    }

    /// <summary>Makes a request that must succeed and adds the body length the client received to what the export must say.</summary>
    private async Task GetAsync(HttpClient client, string url, string partner, string layer, string protocol)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        _bytes[(partner, layer, protocol)] = _bytes.GetValueOrDefault((partner, layer, protocol)) + body.Length;
    }
}
