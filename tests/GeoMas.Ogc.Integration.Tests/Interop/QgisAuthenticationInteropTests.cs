using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.OgcApi;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// Headless QGIS (tests/interop/qgis_auth.py) against the secured server on Kestrel and PostGIS: a Basic-auth agent
/// (QgsAuthManager 'Basic' config) gets the restricted parcels on WMS, WFS and OGC API Features, clipped to the
/// partner's two communes (counted against the database); a web API key in the URL opens the PLU zones but not the
/// parcels; without credentials QGIS cannot load any restricted layer while the public ones load.
/// </summary>
public sealed class QgisAuthenticationInteropTests(SecuredLiveServerFixture server) : IClassFixture<SecuredLiveServerFixture>
{
    private const string TerritoryParcels =
        "SELECT count(*) FROM {schema}parcelles p WHERE ST_Intersects(p.geom, (SELECT ST_Union(geom) FROM {schema}communes WHERE insee IN ('05100', '05059')))";

    private const string PluInForce =
        "SELECT count(*) FROM {schema}plu_zones WHERE valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)";

    [Fact]
    public async Task Qgis_sees_restricted_layers_only_with_Basic_auth_or_a_key_and_parcels_only_on_the_partner_territory()
    {
        var run = await ExternalTool.RunAsync("/usr/bin/python3",
            [ExternalTool.Script("qgis_auth.py"), server.BaseUrl, SecuredLiveServerFixture.User, server.Password, server.WebKey],
            new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = Path.GetTempPath() },
            timeoutSeconds: 600);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        using var report = JsonDocument.Parse(json);
        var basic = report.RootElement.GetProperty("basic");
        var key = report.RootElement.GetProperty("key");
        var anonymous = report.RootElement.GetProperty("anonymous");
        var territory = await DatabaseCounts.ScalarAsync(true, TerritoryParcels);
        var inForce = await DatabaseCounts.ScalarAsync(true, PluInForce);
        Assert.True(territory is > 100 and < 20000, $"territory parcels: {territory}");

        // Basic: parcels drawn in Pelleautier, nothing in Gap; every feature of the territory exactly once.
        var wmsParcels = basic.GetProperty("wms_parcelles");
        Assert.True(Valid(wmsParcels), json);
        Assert.True(wmsParcels.GetProperty("inside").GetInt32() > 100, json);
        Assert.Equal(0, wmsParcels.GetProperty("outside").GetInt32());
        foreach (var layer in new[] { "wfs_parcelles", "oapif_parcelles" })
        {
            var result = basic.GetProperty(layer);
            Assert.True(Valid(result), layer + ": " + json);
            Assert.Equal(territory, result.GetProperty("count").GetInt64());
            Assert.Equal(territory, result.GetProperty("distinct").GetInt64());
            Assert.Contains("contenance", result.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        }
        Assert.Equal(inForce, basic.GetProperty("oapif_plu_zones").GetProperty("count").GetInt64());

        // The key: the PLU on WMS and WFS, never the parcels.
        var wmsPlu = key.GetProperty("wms_plu_zones");
        Assert.True(Valid(wmsPlu), json);
        Assert.True(Painted(wmsPlu) > 0, json);
        Assert.Equal(inForce, key.GetProperty("wfs_plu_zones").GetProperty("count").GetInt64());
        Assert.Equal(0, Painted(key.GetProperty("wms_parcelles")));

        // No credentials: the vector providers refuse the restricted layers; QGIS 3.22 keeps a WMS layer the
        // capabilities do not list, but the server draws nothing of it; a public layer loads and draws.
        foreach (var layer in new[] { "wfs_parcelles", "oapif_parcelles" })
            Assert.False(Valid(anonymous.GetProperty(layer)), layer + ": " + json);
        foreach (var layer in new[] { "wms_parcelles", "wms_plu_zones" })
            Assert.Equal(0, Painted(anonymous.GetProperty(layer)));
        Assert.True(Valid(anonymous.GetProperty("wms_communes")), json);
        Assert.True(anonymous.GetProperty("wms_communes").GetProperty("inside").GetInt32() > 0, json);
    }

    [Fact]
    public async Task A_wrong_Basic_password_is_a_401_with_a_Basic_challenge_where_QGIS_would_ask_again()
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(SecuredLiveServerFixture.User + ":wrong")));

        using var response = await client.GetAsync(server.BaseUrl + "/wms?SERVICE=WMS&REQUEST=GetCapabilities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task Anonymous_capabilities_do_not_list_the_restricted_layers_that_the_credentials_open()
    {
        using var anonymous = new HttpClient();
        using var agent = new HttpClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(SecuredLiveServerFixture.User + ":" + server.Password)));
        const string capabilities = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities";

        var open = await anonymous.GetStringAsync(server.BaseUrl + capabilities);
        var withBasic = await agent.GetStringAsync(server.BaseUrl + capabilities);
        var withKey = await anonymous.GetStringAsync(server.BaseUrl + capabilities + "&apikey=" + server.WebKey);

        Assert.DoesNotContain("<Name>parcelles</Name>", open, StringComparison.Ordinal);
        Assert.DoesNotContain("<Name>plu_zones</Name>", open, StringComparison.Ordinal);
        Assert.Contains("<Name>communes</Name>", open, StringComparison.Ordinal);
        Assert.Contains("<Name>parcelles</Name>", withBasic, StringComparison.Ordinal);
        Assert.Contains("<Name>plu_zones</Name>", withKey, StringComparison.Ordinal);
        Assert.DoesNotContain("<Name>parcelles</Name>", withKey, StringComparison.Ordinal);
    }

    private static bool Valid(JsonElement layer) => layer.GetProperty("valid").GetBoolean();

    private static int Painted(JsonElement layer) =>
        Valid(layer) ? layer.GetProperty("inside").GetInt32() + layer.GetProperty("outside").GetInt32() : 0;
}
