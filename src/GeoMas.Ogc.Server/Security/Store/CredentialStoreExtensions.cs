using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Security.Store;

public static class CredentialStoreExtensions
{
    /// <summary>The PostgreSQL credential store and its refresher, when <c>security.store.postgres</c> is set.</summary>
    public static IServiceCollection AddGeoMasCredentialStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection("security:store").Get<CredentialStoreOptions>() is not { Postgres.Length: > 0 } options)
            return services;
        services.AddSingleton(options);
        services.AddSingleton(sp => new PostgresCredentialStore(options, sp.GetService<ILoggerFactory>()?.CreateLogger("GeoMas.Ogc.Server.Security.Store")));
        services.AddHostedService<CredentialRefresher>();
        return services;
    }
}
