using GeoMas.Ogc.Server.Reload;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// <c>POST /admin/reload</c>: reloads catalog, styles and rules now and answers with the outcome — 200 with the new
/// updateSequence, or 422 with every error (the running configuration stays). Same guard as the other admin
/// endpoints: mapped only when <c>admin.enabled</c>, every call passes <see cref="AdminAccess"/>.
/// </summary>
public static class ReloadEndpoint
{
    public static IEndpointRouteBuilder MapGeoMasReload(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<AdminOptions>();
        if (!options.Enabled)
            return endpoints;
        var access = endpoints.ServiceProvider.GetRequiredService<AdminAccess>();
        endpoints.MapPost("/admin/reload", async (HttpContext context, CatalogReloader reloader) =>
        {
            if (await access.CheckAsync(context).ConfigureAwait(false) is { } refused)
                return refused;
            // Not the request's token: a client that hangs up must not leave a reload half validated.
            var status = await reloader.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
            return Results.Json(status, statusCode: status.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        });
        return endpoints;
    }
}
