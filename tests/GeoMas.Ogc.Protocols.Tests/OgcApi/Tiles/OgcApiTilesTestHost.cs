using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.OgcApi;
using GeoMas.Ogc.Protocols.OgcApi.Maps;
using GeoMas.Ogc.Protocols.OgcApi.Tiles;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Tests.Xyz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Tiles;

/// <summary>
/// An in-process server with OGC API Features, Tiles and Maps over the test catalog, the real config/tilematrixsets,
/// a recording tile service and a recording map renderer (behind a real render gate); one per test.
/// </summary>
public sealed class OgcApiTilesTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OgcApiTilesTestHost(WebApplication app, CatalogSnapshot snapshot)
    {
        _app = app;
        Snapshot = snapshot;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }
    public CatalogSnapshot Snapshot { get; }
    public RecordingTileService Tiles => _app.Services.GetRequiredService<RecordingTileService>();
    public RecordingMapRenderer Renderer => _app.Services.GetRequiredService<RecordingMapRenderer>();

    public static async Task<OgcApiTilesTestHost> StartAsync(CatalogSnapshot? snapshot = null)
    {
        snapshot ??= XyzTestHost.Catalog(publicBaseUrl: "https://maps.example.org/geomas");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ICatalogProvider>(new FixedCatalogProvider(snapshot));
        builder.Services.AddSingleton(TestCatalog.Crs);
        builder.Services.AddSingleton(XyzTestHost.TileMatrixSets);
        builder.Services.AddSingleton(new LayerTileLimitsCache(TestCatalog.Crs));
        builder.Services.AddSingleton<RecordingTileService>();
        builder.Services.AddSingleton<ITileService>(sp => sp.GetRequiredService<RecordingTileService>());
        builder.Services.AddSingleton<RecordingMapRenderer>();
        builder.Services.AddSingleton<IMapRenderer>(sp => sp.GetRequiredService<RecordingMapRenderer>());
        builder.Services.AddSingleton(new RenderGate(snapshot.Limits));
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(WmsTestHost.Now));
        var app = builder.Build();
        app.MapOgcApiFeatures();
        app.MapOgcApiTiles();
        app.MapOgcApiMaps();
        await app.StartAsync();
        return new OgcApiTilesTestHost(app, snapshot);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Client.GetAsync(pathAndQuery);

    public async Task<JsonDocument> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Client.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    /// <summary>Asserts an OGC API JSON exception with this status and returns its code.</summary>
    public async Task<string> GetErrorAsync(string pathAndQuery, int status)
    {
        using var response = await Client.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{pathAndQuery}: expected {status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("description").GetString()));
        return json.RootElement.GetProperty("code").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
