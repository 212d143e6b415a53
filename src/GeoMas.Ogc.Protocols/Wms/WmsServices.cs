using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>The services one WMS request uses, resolved from DI, with the catalog snapshot taken once for the whole request.</summary>
public sealed class WmsServices
{
    private readonly IServiceProvider _provider;

    public WmsServices(HttpContext context)
    {
        _provider = context.RequestServices;
        Snapshot = _provider.GetRequiredService<ICatalogProvider>().Current;
        Crs = _provider.GetRequiredService<CrsRegistry>();
        Clock = _provider.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    public CatalogSnapshot Snapshot { get; }
    public CrsRegistry Crs { get; }
    public TimeProvider Clock { get; }
    public DateOnly Today => WmsTimeDimension.Today(Clock);

    public IMapRenderer Renderer => _provider.GetRequiredService<IMapRenderer>();
    public ILegendRenderer Legends => _provider.GetRequiredService<ILegendRenderer>();
    public IFeatureInfoService FeatureInfo => _provider.GetRequiredService<IFeatureInfoService>();
    public RenderGate Gate => _provider.GetRequiredService<RenderGate>();
}
