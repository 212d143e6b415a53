using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Reload;

namespace GeoMas.Ogc.Integration.Tests.Health;

/// <summary>
/// /health/ready on PostGIS with the Redis tile cache: one entry per dependency. A private redis-server on a free
/// port (never the shared one) is down at first — Redis is reported degraded (200: tiles are still rendered) —
/// then started, and the entry turns healthy.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_reports_PostGIS_and_a_Redis_outage_then_its_recovery()
    {
        var port = FreePort();
        await using var config = new ReloadableConfigFixture(
            RepositoryPaths.Config("geomas.postgis.json"), cache: $$"""{ "store": "redis", "redis": "127.0.0.1:{{port}}" }""");
        var app = await config.StartAsync();
        using var client = app.CreateClient();

        var (status, checks) = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", checks["source:main"]);
        Assert.Equal("Degraded", checks["redis"]);

        using var redis = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"])
        { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            var healthy = false;
            for (var i = 0; i < 100 && !healthy; i++)
            {
                await Task.Delay(200);
                healthy = (await ReadyAsync(client)).Checks["redis"] == "Healthy";
            }
            Assert.True(healthy, "the redis entry did not turn healthy within 20 s of redis-server starting");
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, report.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
