using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Admin;

public static class AdminAccessExtensions
{
    /// <summary>
    /// Puts an endpoint (or group) behind <see cref="AdminAccess"/>: for admin endpoints mapped outside
    /// <see cref="AdminEndpoints.MapGeoMasAdmin"/>'s group, e.g. <c>MapPost("/admin/reload", …).RequireGeoMasAdmin()</c>.
    /// </summary>
    public static TBuilder RequireGeoMasAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<AdminAccess>();
            if (await access.CheckAsync(context.HttpContext).ConfigureAwait(false) is { } refused)
                return refused;
            return await next(context).ConfigureAwait(false);
        });
}
