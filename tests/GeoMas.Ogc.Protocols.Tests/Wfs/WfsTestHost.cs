using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Wfs;
using GeoMas.Ogc.Protocols.Wfs.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>
/// An in-process server with <c>MapWfs()</c> over the test catalog (vector layers communes, parcelles, routes,
/// plu_zones; a raster and two groups that are not feature types). Feature operations get a source provider that
/// refuses every query: these tests cover the dispatcher and the metadata operations.
/// </summary>
public sealed class WfsTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WfsTestHost(WebApplication app, CatalogSnapshot snapshot)
    {
        _app = app;
        Snapshot = snapshot;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }
    public CatalogSnapshot Snapshot { get; }

    public static Task<WfsTestHost> StartAsync(CatalogSnapshot? snapshot = null, WfsOptions? options = null)
    {
        snapshot ??= TestCatalog.Build();
        return StartWithCatalogAsync(new FixedCatalogProvider(snapshot), options, snapshot);
    }

    /// <summary>A host over any catalog provider (e.g. one that fails, to test the internal-error path).</summary>
    public static async Task<WfsTestHost> StartWithCatalogAsync(ICatalogProvider catalog, WfsOptions? options = null, CatalogSnapshot? snapshot = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(TestCatalog.Crs);
        builder.Services.AddSingleton<IFeatureSourceProvider, NoSources>();
        builder.Services.AddSingleton<WfsFeatureOperations>();
        if (options is not null)
            builder.Services.AddSingleton(options);
        var app = builder.Build();
        app.MapWfs();
        await app.StartAsync();
        return new WfsTestHost(app, snapshot ?? TestCatalog.Build());
    }

    public Task<HttpResponseMessage> KvpAsync(string query) => Client.GetAsync("/wfs?" + query.TrimStart('?'));

    public Task<HttpResponseMessage> PostXmlAsync(string xml, string contentType = "text/xml") =>
        Client.PostAsync("/wfs", new StringContent(xml, System.Text.Encoding.UTF8, contentType));

    public Task<HttpResponseMessage> PostFormAsync(IEnumerable<KeyValuePair<string, string>> fields) =>
        Client.PostAsync("/wfs", new FormUrlEncodedContent(fields));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class NoSources : IFeatureSourceProvider
    {
        public IFeatureSource For(LayerDefinition layer) => throw new InvalidOperationException("no feature source in WFS metadata tests");
    }
}
