using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// What one OGC API request uses, resolved once: the catalog snapshot (kept to the end of the request), the CRS
/// registry, the feature sources, the clock and the public base URL that every link is built on (TRAP-10).
/// </summary>
public sealed class OgcApiServices
{
    private readonly IServiceProvider _provider;

    public OgcApiServices(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _provider = context.RequestServices;
        Snapshot = _provider.GetRequiredService<ICatalogProvider>().Current;
        Crs = _provider.GetRequiredService<CrsRegistry>();
        Clock = _provider.GetService<TimeProvider>() ?? TimeProvider.System;
        BaseUrl = PublicBaseUrl.Resolve(context.Request, Snapshot.Service);
    }

    public CatalogSnapshot Snapshot { get; }
    public CrsRegistry Crs { get; }
    public TimeProvider Clock { get; }

    /// <summary>Absolute, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public IFeatureSource SourceFor(LayerDefinition layer) => _provider.GetRequiredService<IFeatureSourceProvider>().For(layer);

    /// <summary>Absolute URL of a server path ("/collections").</summary>
    public string Url(string path) => BaseUrl + path;

    /// <summary>The collections: the vector layers (groups and rasters have no features).</summary>
    public IEnumerable<LayerDefinition> Collections => Snapshot.Layers.Where(IsCollection);

    public LayerDefinition Collection(string id) =>
        Snapshot.FindLayer(id) is { } layer && IsCollection(layer)
            ? layer
            : throw OgcApiErrorWriter.NotFound($"There is no collection '{id}'.", "collectionId");

    private static bool IsCollection(LayerDefinition layer) => layer.Kind == LayerKind.Vector;
}
