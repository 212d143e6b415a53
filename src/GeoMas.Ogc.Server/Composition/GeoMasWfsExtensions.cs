using GeoMas.Ogc.Protocols.Wfs;
using GeoMas.Ogc.Protocols.Wfs.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GeoMas.Ogc.Server.Composition;

public static class GeoMasWfsExtensions
{
    /// <summary>
    /// What <c>/wfs</c> needs beyond the core: the feature operations (GetFeature, GetPropertyValue) and the endpoint's
    /// protections (<c>wfs.maxRequestBodyBytes</c>, default 4 MiB).
    /// </summary>
    public static IServiceCollection AddGeoMasWfs(this IServiceCollection services, IConfiguration configuration)
    {
        var defaults = WfsOptions.Default;
        var maxBody = configuration.GetValue<int?>("wfs:maxRequestBodyBytes");
        services.TryAddSingleton(maxBody is > 0 and var bytes ? defaults with { MaxRequestBodyBytes = bytes } : defaults);
        services.TryAddSingleton<WfsFeatureOperations>();
        return services;
    }
}
