using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Wms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>The services one WMTS request uses, resolved from DI, with the catalog snapshot taken once for the whole request.</summary>
public sealed class WmtsServices
{
    private readonly IServiceProvider _provider;

    public WmtsServices(HttpContext context)
    {
        _provider = context.RequestServices;
        var snapshot = _provider.GetRequiredService<ICatalogProvider>().Current;
        var clock = _provider.GetService<TimeProvider>() ?? TimeProvider.System;
        Contents = new WmtsContents(snapshot, _provider.GetRequiredService<TileMatrixSetCatalog>(),
            _provider.GetRequiredService<LayerTileLimitsCache>(), WmsTimeDimension.Today(clock));
    }

    public WmtsContents Contents { get; }
    public CatalogSnapshot Snapshot => Contents.Snapshot;

    public ITileService Tiles => _provider.GetRequiredService<ITileService>();
    public ILegendRenderer Legends => _provider.GetRequiredService<ILegendRenderer>();
    public IFeatureInfoService FeatureInfo => _provider.GetRequiredService<IFeatureInfoService>();
}
