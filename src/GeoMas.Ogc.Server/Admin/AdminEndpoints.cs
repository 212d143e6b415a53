using System.Globalization;
using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Server.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// <c>POST /admin/seed</c>, <c>POST /admin/truncate</c> (JSON <see cref="AdminJobRequest"/>; 202 + Location of the
/// job), <c>GET /admin/jobs</c> and <c>GET /admin/jobs/{id}</c> (progress), <c>GET /admin/usage</c> (usage export).
/// Mapped only when <c>admin.enabled</c>; every call passes <see cref="AdminAccess"/> (admin role, token, or
/// loopback while no admin credential is configured).
/// </summary>
public static class AdminEndpoints
{
    public static IServiceCollection AddGeoMasAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("admin").Get<AdminOptions>() ?? new AdminOptions());
        services.AddSingleton<AdminJobs>();
        services.AddSingleton<AdminAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapGeoMasAdmin(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<AdminOptions>();
        if (!options.Enabled)
            return endpoints;
        var admin = endpoints.MapGroup("/admin").RequireGeoMasAdmin();
        // The jobs outlive the request: they take the root services, not the request's scope.
        var root = endpoints.ServiceProvider;
        admin.MapPost("/seed", (AdminJobRequest request) => StartSeed(request, root));
        admin.MapPost("/truncate", (AdminJobRequest request) => StartTruncate(request, root));
        admin.MapGet("/jobs", (AdminJobs jobs) => Results.Ok(jobs.All));
        admin.MapGet("/jobs/{id}", (string id, AdminJobs jobs) => jobs.Find(id) is { } job ? Results.Ok(job) : Results.NotFound());
        admin.MapGeoMasUsage();
        return endpoints;
    }

    private static IResult StartSeed(AdminJobRequest request, IServiceProvider services)
    {
        if (request.Layers.Count == 0 || request.MaxZoom is null)
            return Results.Problem("layers and maxZoom are required.", statusCode: StatusCodes.Status400BadRequest);
        var catalog = services.GetRequiredService<ICatalogProvider>();
        var seeder = new TileSeeder(catalog, services.GetRequiredService<TileMatrixSetCatalog>(), services.GetRequiredService<CrsRegistry>(),
            services.GetRequiredService<ITileService>(), services.GetRequiredService<MetatileOptions>());
        var job = services.GetRequiredService<AdminJobs>().Start("seed", async (job, token) =>
        {
            var area = await request.AreaAsync(catalog.Current, services.GetRequiredService<IFeatureSourceProvider>(), token).ConfigureAwait(false);
            var seed = new SeedJob
            {
                Layers = request.Layers,
                TileMatrixSet = request.Tms ?? "WebMercatorQuad",
                MinZoom = request.MinZoom ?? 0,
                MaxZoom = request.MaxZoom.Value,
                Area = area,
                Style = request.Style ?? "default",
                Format = request.Format ?? "image/png",
                Concurrency = request.Concurrency ?? Environment.ProcessorCount,
            };
            var directory = (services.GetService<ITileStore>() as DiskTileStore)?.Root ?? Path.Combine(Path.GetTempPath(), "geomas-seed");
            Directory.CreateDirectory(directory);
            var state = SeedState.Load(Path.Combine(directory, $".seed-{seed.Fingerprint()}.json"));
            var result = await seeder.RunAsync(seed, state, TextWriter.Null, false, token, job.Observe).ConfigureAwait(false);
            if (result.Failed == 0)
                state.Delete();
            return string.Create(CultureInfo.InvariantCulture,
                $"{result.Tiles} tiles, {result.Metatiles} metatile requests, {result.Failed} failed, {result.TilesPerSecond:0.0} tiles/s");
        });
        return Results.Accepted($"/admin/jobs/{job.Id}", job);
    }

    private static IResult StartTruncate(AdminJobRequest request, IServiceProvider services)
    {
        if (request.Layers.Count == 0)
            return Results.Problem("layers is required.", statusCode: StatusCodes.Status400BadRequest);
        var catalog = services.GetRequiredService<ICatalogProvider>();
        var truncator = new TileTruncator(catalog, services.GetRequiredService<InvalidationCoordinator>(), services.GetRequiredService<CrsRegistry>());
        var job = services.GetRequiredService<AdminJobs>().Start("truncate", async (_, token) =>
        {
            var area = await request.AreaAsync(catalog.Current, services.GetRequiredService<IFeatureSourceProvider>(), token).ConfigureAwait(false);
            var plan = await truncator.TruncateAsync(request.Layers, area, request.Tms, request.MinZoom, request.MaxZoom, token).ConfigureAwait(false);
            return $"{plan.Positions.Count} position(s) purged, revision bumped for [{string.Join(", ", plan.BumpLayers)}]";
        });
        return Results.Accepted($"/admin/jobs/{job.Id}", job);
    }
}
