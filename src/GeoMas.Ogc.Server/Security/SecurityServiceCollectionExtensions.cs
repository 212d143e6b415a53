using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Sources.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// Wires authentication (policy scheme over API key, Basic and JWT bearer) and authorisation by decoration: the
/// catalog provider becomes per-principal, feature sources clip to territories, tile requests carry the scope.
/// Call after every other AddGeoMas* (it decorates their registrations).
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>The application property UseAuthentication() sets (AuthAppBuilderExtensions), read by WebApplication.</summary>
    internal const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static IServiceCollection AddGeoMasSecurity(this IServiceCollection services, SecurityStore store, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        services.AddSingleton(sp => new CatalogViewBuilder(sp.GetRequiredService<CrsRegistry>()));
        Decorate<ICatalogProvider>(services, (sp, inner) =>
            new ScopedCatalogProvider(inner, sp.GetRequiredService<SecurityStore>(), sp.GetRequiredService<CatalogViewBuilder>()));
        Decorate<IFeatureSourceProvider>(services, (_, inner) => new TerritoryFeatureSourceProvider(inner));
        Decorate<ITileService>(services, (_, inner) => new ScopedTileService(inner));

        var jwt = store.Current.Options.Jwt;
        services.AddAuthentication(SecuritySchemes.Policy)
            .AddPolicyScheme(SecuritySchemes.Policy, "GeoMas", o => o.ForwardDefaultSelector = SecuritySchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(SecuritySchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(SecuritySchemes.Basic, null)
            .AddJwtBearer(SecuritySchemes.Bearer, o => ConfigureJwt(o, jwt, configDirectory));
        return services;
    }

    /// <summary>Authentication and the access context, before routing so every endpoint sees the scoped catalog.</summary>
    public static IApplicationBuilder UseGeoMasSecurity(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<SecurityStore>();
        store.AttachLogger(app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("GeoMas.Ogc.Server.Security"));
        store.Watch();
        // SecurityMiddleware authenticates, and only requests that carry credentials. WebApplication would otherwise
        // put UseAuthentication() at the head of the pipeline (it does whenever authentication is registered and the
        // app has not called it), running the handlers for every request a second time — anonymous ones included.
        // The marker is the one UseAuthentication() leaves, which is how WebApplication knows it was called.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<SecurityMiddleware>();
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtOptions? jwt, string configDirectory)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = false;
        options.RefreshOnIssuerKeyNotFound = true;
        if (jwt is null)
        {
            // No identity provider configured: every bearer token fails validation (401), none is ignored.
            options.TokenValidationParameters = new TokenValidationParameters { ValidateIssuer = true, ValidIssuer = "", ValidateAudience = true };
            options.ConfigurationManager = new JwksConfigurationManager(_ => Task.FromResult("""{"keys":[]}"""), "");
            return;
        }
        options.ConfigurationManager = string.IsNullOrWhiteSpace(jwt.JwksFile)
            ? JwksConfigurationManager.FromUrl(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, jwt.JwksUrl!, jwt.Issuer)
            : JwksConfigurationManager.FromFile(Path.GetFullPath(jwt.JwksFile, configDirectory), jwt.Issuer);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(Math.Clamp(jwt.ClockSkewSeconds, 0, 600)),
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    var subject = identity.FindFirst("sub")?.Value ?? "";
                    if (subject.Length == 0)
                    {
                        context.Fail("The token has no 'sub' claim.");
                        return Task.CompletedTask;
                    }
                    SecurityClaims.Add(identity, "jwt:" + subject, identity.FindFirst(jwt.PartnerClaim)?.Value,
                        identity.FindAll(jwt.RolesClaim).Select(c => c.Value));
                }
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Replaces the last registration of <typeparamref name="T"/> by a decorator around it (kept a singleton).</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> decorate)
        where T : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }
        if (index < 0)
            throw new InvalidOperationException($"{typeof(T).Name} must be registered before AddGeoMasSecurity.");
        var original = services[index];
        services[index] = ServiceDescriptor.Singleton<T>(sp => decorate(sp, Create<T>(sp, original)));
    }

    private static T Create<T>(IServiceProvider sp, ServiceDescriptor descriptor)
        where T : class =>
        descriptor.ImplementationInstance as T
        ?? descriptor.ImplementationFactory?.Invoke(sp) as T
        ?? (T)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
