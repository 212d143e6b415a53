using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Admin;

/// <summary>The operator endpoints on the embedded default (GeoPackage, disk cache in a temporary folder).</summary>
public sealed class AdminEndpointTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "geomas-admin-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
            Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task They_do_not_exist_unless_enabled()
    {
        await using var app = await TestApp.StartAsync("--cache:diskPath=" + _cache);
        var client = app.CreateClient();

        using var seed = await client.PostAsJsonAsync("/admin/seed", new { layers = new[] { "parcelles" }, maxZoom = 3 });
        using var jobs = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.NotFound, seed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, jobs.StatusCode);
    }

    [Fact]
    public async Task A_seed_over_a_commune_runs_in_the_background_and_reports_its_progress_then_truncate_bumps_the_layer()
    {
        await using var app = await TestApp.StartAsync("--cache:diskPath=" + _cache, "--admin:enabled=true");
        var client = app.CreateClient();

        using var accepted = await client.PostAsJsonAsync("/admin/seed", new { layers = new[] { "parcelles" }, minZoom = 10, maxZoom = 14, commune = "05061" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        Assert.StartsWith("/admin/jobs/", location);

        var seed = await WaitAsync(client, location);
        Assert.True(seed.GetProperty("status").GetString() == "succeeded", seed.ToString());
        var total = seed.GetProperty("tilesTotal").GetInt64();
        Assert.True(total > 0);
        Assert.Equal(total, seed.GetProperty("tilesDone").GetInt64());
        // The tiles are on disk, in the layer's folder of the cache.
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_cache, "parcelles", "WebMercatorQuad", "14"), "*.png", SearchOption.AllDirectories));

        using var truncating = await client.PostAsJsonAsync("/admin/truncate", new { layers = new[] { "parcelles" } });
        var truncate = await WaitAsync(client, truncating.Headers.Location!.ToString());
        Assert.Equal("succeeded", truncate.GetProperty("status").GetString());
        Assert.Contains("revision bumped for [parcelles]", truncate.GetProperty("message").GetString());

        using var bad = await client.PostAsJsonAsync("/admin/seed", new { layers = new[] { "parcelles" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var unknown = await client.GetAsync("/admin/jobs/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string location)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() != "running")
                return job;
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "the job did not finish in 120 s");
            await Task.Delay(100);
        }
    }
}
