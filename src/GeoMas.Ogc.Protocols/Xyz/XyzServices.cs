using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// The singletons an XYZ tile request needs, resolved from the application's container on first use and kept.
/// Reading them from <c>HttpContext.RequestServices</c> instead would create a request scope for every tile just to
/// hand back the same singletons.
/// </summary>
internal sealed class XyzServices(IServiceProvider services)
{
    private ICatalogProvider? _catalog;
    private ITileService? _tiles;
    private TileMatrixSet? _webMercatorQuad;
    private TimeProvider? _clock;

    // Benign races: two first requests may both resolve; they get the same singletons.
    public ICatalogProvider Catalog => _catalog ??= services.GetRequiredService<ICatalogProvider>();

    public ITileService Tiles => _tiles ??= services.GetRequiredService<ITileService>();

    public TimeProvider Clock => _clock ??= services.GetService<TimeProvider>() ?? TimeProvider.System;

    public TileMatrixSet WebMercatorQuad => _webMercatorQuad ??=
        services.GetRequiredService<TileMatrixSetCatalog>().Find(XyzEndpoints.TileMatrixSetId)
        ?? throw Core.Errors.ServiceException.Unavailable(
            $"Tile matrix set {XyzEndpoints.TileMatrixSetId} is not configured (config/tilematrixsets).");
}
