using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary>
/// The benchmark/acceptance configuration (config/geomas.postgis.json) against the shared PostGIS dataset.
/// These tests need the database: tests/run starts and loads it.
/// </summary>
public class PostGisServerTests
{
    private static readonly string PostGisConfig = RepositoryPaths.Config("geomas.postgis.json");

    [Fact]
    public async Task Serves_schema_geomas_and_is_ready()
    {
        await using var app = await TestApp.StartAsync("--config", PostGisConfig, "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis);
        var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var snapshot = app.App.Services.GetRequiredService<ICatalogProvider>().Current;
        Assert.Equal(SourceKind.PostGis, snapshot.Sources["main"].Kind);
        Assert.Equal("geomas", snapshot.Sources["main"].Schema);
        // The database holds all 360 communes of both départements: from about 5.5°E to 7.1°E.
        var communes = snapshot.FindLayer("communes")!.GeographicExtent;
        Assert.InRange(communes.MinX, 5.2, 5.8);
        Assert.InRange(communes.MaxX, 6.8, 7.3);
        Assert.NotEmpty(snapshot.FindLayer("plu_zones")!.Time!.Values);
    }

    [Fact]
    public async Task Refuses_to_start_when_the_database_cannot_be_reached()
    {
        var created = await TestApp.CreateAsync("--config", PostGisConfig, "--Sources:main:ConnectionString=" + RepositoryPaths.ClosedPort);

        Assert.Null(created.App);
        Assert.Contains(created.Errors, e => e.StartsWith("source 'main' is unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_degraded_start_reports_not_ready()
    {
        await using var app = await TestApp.StartAsync(
            "--config", PostGisConfig, "--Sources:main:ConnectionString=" + RepositoryPaths.ClosedPort, "--Startup:RequireSources=false");
        var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["source:main"]);
        Assert.Equal("Healthy", checks["cascade"]); // no remote upstream configured: nothing to wait for
    }
}
