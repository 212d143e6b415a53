using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Xyz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Xyz;

/// <summary>An in-process server with <c>MapXyz()</c> over the test catalog, the real config/tilematrixsets and a recording tile service.</summary>
public sealed class XyzTestHost : IAsyncDisposable
{
    private static readonly Lazy<TileMatrixSetCatalog> TileMatrixSetsLazy = new(() =>
        TileMatrixSetCatalog.Load(Path.Combine(Path.GetDirectoryName(SchemaFiles.TestFile("x"))!, "..", "..", "config", "tilematrixsets"), TestCatalog.Crs));

    private readonly WebApplication _app;

    private XyzTestHost(WebApplication app, CatalogSnapshot snapshot)
    {
        _app = app;
        Snapshot = snapshot;
        Client = app.GetTestClient();
    }

    public static TileMatrixSetCatalog TileMatrixSets => TileMatrixSetsLazy.Value;

    public HttpClient Client { get; }
    public CatalogSnapshot Snapshot { get; }
    public RecordingTileService Tiles => _app.Services.GetRequiredService<RecordingTileService>();

    /// <summary>The test catalog with group extents (union of the members, as CatalogLoader computes them), after <paramref name="change"/>.</summary>
    public static CatalogSnapshot Catalog(string? publicBaseUrl = null, Func<LayerDefinition, LayerDefinition>? change = null)
    {
        var source = TestCatalog.Build(publicBaseUrl: publicBaseUrl);
        var layers = source.Layers.Select(change ?? (l => l)).ToArray();
        var draft = new CatalogSnapshot(source.Service, source.Sources, layers, source.Limits, source.SupportedSrids, source.UpdateSequence);
        layers = layers.Select(layer => layer.Kind == LayerKind.Group ? WithExtent(layer, draft) : layer).ToArray();
        return new CatalogSnapshot(source.Service, source.Sources, layers, source.Limits, source.SupportedSrids, source.UpdateSequence);
    }

    private static LayerDefinition WithExtent(LayerDefinition group, CatalogSnapshot snapshot)
    {
        var native = new Envelope();
        var geographic = new Envelope();
        foreach (var member in snapshot.Expand(group))
        {
            native.ExpandToInclude(member.Extent);
            geographic.ExpandToInclude(member.GeographicExtent);
        }

        return group with { Extent = native, GeographicExtent = geographic, Srid = 2154 };
    }

    public static async Task<XyzTestHost> StartAsync(CatalogSnapshot? snapshot = null)
    {
        snapshot ??= Catalog();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ICatalogProvider>(new FixedCatalogProvider(snapshot));
        builder.Services.AddSingleton(TileMatrixSets);
        builder.Services.AddSingleton<RecordingTileService>();
        builder.Services.AddSingleton<ITileService>(sp => sp.GetRequiredService<RecordingTileService>());
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(WmsTestHost.Now));
        var app = builder.Build();
        app.MapXyz();
        await app.StartAsync();
        return new XyzTestHost(app, snapshot);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Client.GetAsync(pathAndQuery);

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
