using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Protocols.Wms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Tests.Support;

/// <summary>An in-process server with <c>MapWms()</c> over the test catalog and recording fakes; one per test.</summary>
public sealed class WmsTestHost : IAsyncDisposable
{
    /// <summary>"Today" for every test: the plu_zones default is then 2023-01-10 (2099-01-01 is in the future).</summary>
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private WmsTestHost(WebApplication app, CatalogSnapshot snapshot)
    {
        _app = app;
        Snapshot = snapshot;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }
    public CatalogSnapshot Snapshot { get; }
    public RecordingMapRenderer Renderer => _app.Services.GetRequiredService<RecordingMapRenderer>();
    public RenderGate Gate => _app.Services.GetRequiredService<RenderGate>();
    public FakeFeatureInfoService FeatureInfo => _app.Services.GetRequiredService<FakeFeatureInfoService>();

    public static async Task<WmsTestHost> StartAsync(CatalogSnapshot? snapshot = null)
    {
        snapshot ??= TestCatalog.Build();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ICatalogProvider>(new FixedCatalogProvider(snapshot));
        builder.Services.AddSingleton(TestCatalog.Crs);
        builder.Services.AddSingleton<RecordingMapRenderer>();
        builder.Services.AddSingleton<IMapRenderer>(sp => sp.GetRequiredService<RecordingMapRenderer>());
        builder.Services.AddSingleton<ILegendRenderer, FakeLegendRenderer>();
        builder.Services.AddSingleton<FakeFeatureInfoService>();
        builder.Services.AddSingleton<IFeatureInfoService>(sp => sp.GetRequiredService<FakeFeatureInfoService>());
        builder.Services.AddSingleton(new RenderGate(snapshot.Limits));
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        var app = builder.Build();
        app.MapWms();
        await app.StartAsync();
        return new WmsTestHost(app, snapshot);
    }

    public Task<HttpResponseMessage> GetAsync(string query) => Client.GetAsync("/wms?" + query.TrimStart('?'));

    public async Task<string> GetStringAsync(string query)
    {
        using var response = await GetAsync(query);
        return await response.Content.ReadAsStringAsync();
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
