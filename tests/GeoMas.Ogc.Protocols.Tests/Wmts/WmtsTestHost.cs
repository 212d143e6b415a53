using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Wmts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>
/// An in-process server with <c>MapWmts()</c> over the test catalog (groups given their members' extent, as the
/// catalog loader does), the real tile matrix sets of config/tilematrixsets, and recording fakes.
/// </summary>
public sealed class WmtsTestHost : IAsyncDisposable
{
    private static readonly Lazy<TileMatrixSetCatalog> TileMatrixSetsLazy = new(() =>
        TileMatrixSetCatalog.Load(Path.Combine(Path.GetDirectoryName(SchemaFiles.TestFile("x"))!, "..", "..", "config", "tilematrixsets"), TestCatalog.Crs));

    private readonly WebApplication _app;

    private WmtsTestHost(WebApplication app, CatalogSnapshot snapshot)
    {
        _app = app;
        Snapshot = snapshot;
        Client = app.GetTestClient();
    }

    public static TileMatrixSetCatalog TileMatrixSets => TileMatrixSetsLazy.Value;

    public HttpClient Client { get; }
    public CatalogSnapshot Snapshot { get; }
    public FakeTileService Tiles => _app.Services.GetRequiredService<FakeTileService>();
    public FakeFeatureInfoService FeatureInfo => _app.Services.GetRequiredService<FakeFeatureInfoService>();

    /// <summary>The test catalog with group extents filled in (union of the members, like CatalogLoader).</summary>
    public static CatalogSnapshot Catalog(string updateSequence = "42", string? publicBaseUrl = null)
    {
        var source = TestCatalog.Build(updateSequence: updateSequence, publicBaseUrl: publicBaseUrl);
        var layers = source.Layers.Select(layer => layer.Kind != LayerKind.Group ? layer : WithExtent(layer, source)).ToArray();
        return new CatalogSnapshot(source.Service, source.Sources, layers, source.Limits, source.SupportedSrids, source.UpdateSequence);
    }

    private static LayerDefinition WithExtent(LayerDefinition group, CatalogSnapshot snapshot)
    {
        var native = new NetTopologySuite.Geometries.Envelope();
        var geographic = new NetTopologySuite.Geometries.Envelope();
        foreach (var member in snapshot.Expand(group))
        {
            native.ExpandToInclude(member.Extent);
            geographic.ExpandToInclude(member.GeographicExtent);
        }
        return group with { Extent = native, GeographicExtent = geographic, Srid = 2154 };
    }

    public static async Task<WmtsTestHost> StartAsync(CatalogSnapshot? snapshot = null)
    {
        snapshot ??= Catalog();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ICatalogProvider>(new FixedCatalogProvider(snapshot));
        builder.Services.AddSingleton(TestCatalog.Crs);
        builder.Services.AddSingleton(TileMatrixSets);
        builder.Services.AddSingleton(new LayerTileLimitsCache(TestCatalog.Crs));
        builder.Services.AddSingleton<FakeTileService>();
        builder.Services.AddSingleton<ITileService>(sp => sp.GetRequiredService<FakeTileService>());
        builder.Services.AddSingleton<ILegendRenderer, FakeLegendRenderer>();
        builder.Services.AddSingleton<FakeFeatureInfoService>();
        builder.Services.AddSingleton<IFeatureInfoService>(sp => sp.GetRequiredService<FakeFeatureInfoService>());
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(WmsTestHost.Now));
        var app = builder.Build();
        app.MapWmts();
        await app.StartAsync();
        return new WmtsTestHost(app, snapshot);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Client.GetAsync(pathAndQuery);

    public Task<HttpResponseMessage> KvpAsync(string query) => Client.GetAsync("/wmts?" + query.TrimStart('?'));

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
