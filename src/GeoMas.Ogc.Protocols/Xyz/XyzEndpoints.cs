using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Wms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// XYZ tiles for Leaflet, OpenLayers, MapLibre and Geotrek: <c>/tiles/{layer}/{z}/{x}/{y}.{png|jpg|jpeg|webp}</c> in
/// WebMercatorQuad (groups such as <c>fond_plan</c> and <c>plan</c> are one tile layer), and TileJSON 3.0.0 per
/// layer at <c>/tiles/{layer}.json</c>. GET and HEAD (TRAP-6). Needs in DI: ICatalogProvider, TileMatrixSetCatalog
/// (with WebMercatorQuad), ITileService (optional: TimeProvider, ILoggerFactory).
/// </summary>
public static class XyzEndpoints
{
    public const string TilesPath = "/tiles";
    public const string TileRoute = TilesPath + "/{layer}/{z}/{x}/{y}.{ext}";
    public const string TileJsonRoute = TilesPath + "/{layer}.json";
    public const string TileMatrixSetId = "WebMercatorQuad";

    /// <summary>The tile endpoint's name (for code that answers tiles before routing and must name the same endpoint).</summary>
    public const string TileEndpointName = "XyzTile";

    public static IEndpointRouteBuilder MapXyz(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = new XyzServices(endpoints.ServiceProvider);
        endpoints.MapMethods(TileRoute, [HttpMethods.Get, HttpMethods.Head], context => TileAsync(context, services)).WithName(TileEndpointName);
        endpoints.MapMethods(TileJsonRoute, [HttpMethods.Get, HttpMethods.Head], TileJsonAsync).WithName("XyzTileJson");
        return endpoints;
    }

    // The hot path of cached tiles: singletons come from XyzServices, not the request's container (which would
    // then be created for this request alone), and no closure is allocated unless something fails.
    private static async Task TileAsync(HttpContext context, XyzServices services)
    {
        var headOnly = HttpMethods.IsHead(context.Request.Method);
        try
        {
            var values = context.Request.RouteValues;
            var request = XyzTileParser.Parse(
                Route(values, "layer"), Route(values, "z"), Route(values, "x"), Route(values, "y"), Route(values, "ext"),
                context.Request.Query, services.Catalog.Current, services.WebMercatorQuad, WmsTimeDimension.Today(services.Clock));
            await XyzTileHandler.HandleAsync(context, request, services.Tiles, headOnly);
        }
        catch (Exception error)
        {
            await FailAsync(context, "tile", error, headOnly);
        }
    }

    private static Task TileJsonAsync(HttpContext context) => GuardAsync(context, "TileJSON", async headOnly =>
    {
        var services = context.RequestServices;
        var snapshot = Snapshot(services);
        var layerId = Route(context.Request.RouteValues, "layer");
        var layer = snapshot.FindLayer(layerId)
            ?? throw new ServiceException(ErrorKind.NotFound, "NotFound", $"Layer '{layerId}' does not exist.", "layer");
        var extension = context.Request.Query.TryGetValue("format", out var f) && f.ToString().Trim() is { Length: > 0 } requested
            ? requested.ToLowerInvariant()
            : XyzTileFormat.DefaultExtension;
        if (XyzTileFormat.FromExtension(extension) is null)
        {
            throw ServiceException.Invalid("format", $"format={extension} is not a tile format (png, jpg or webp).");
        }

        var document = new TileJsonDocument(
            layer, snapshot.Service, PublicBaseUrl.Resolve(context.Request, snapshot.Service), extension,
            XyzLayerOptions.Parse(layer, context.Request.Query, Today(services)),
            XyzZoomRange.For(layer, snapshot, WebMercatorQuad(services)));

        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.CacheControl = XyzCacheControl.TileJson;
        if (headOnly)
        {
            return;
        }

        await using var writer = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Indented = true });
        TileJsonWriter.Write(writer, document);
        await writer.FlushAsync(context.RequestAborted);
    });

    private static async Task GuardAsync(HttpContext context, string what, Func<bool, Task> handle)
    {
        var headOnly = HttpMethods.IsHead(context.Request.Method);
        try
        {
            await handle(headOnly);
        }
        catch (Exception error)
        {
            await FailAsync(context, what, error, headOnly);
        }
    }

    // One place where failures become answers: typed errors keep their status, anything else is logged and a 500.
    private static Task FailAsync(HttpContext context, string what, Exception error, bool headOnly)
    {
        switch (error)
        {
            case ServiceException typed:
                return XyzErrorWriter.WriteAsync(context, typed, headOnly);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client left (Leaflet cancels tiles panned out of view); nobody reads an answer.
                return Task.CompletedTask;
            default:
                context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(XyzEndpoints).FullName!)
                    .LogError(error, "XYZ {What} failed: {Path}{Query}", what, context.Request.Path.Value, context.Request.QueryString.Value);
                return XyzErrorWriter.WriteAsync(context,
                    new ServiceException(ErrorKind.Internal, "InternalError", "Internal server error; the incident has been logged.", null, error), headOnly);
        }
    }

    private static string Route(RouteValueDictionary values, string name) => values[name]?.ToString() ?? "";

    private static CatalogSnapshot Snapshot(IServiceProvider services) => services.GetRequiredService<ICatalogProvider>().Current;

    private static DateOnly Today(IServiceProvider services) =>
        WmsTimeDimension.Today(services.GetService<TimeProvider>() ?? TimeProvider.System);

    private static TileMatrixSet WebMercatorQuad(IServiceProvider services) =>
        services.GetRequiredService<TileMatrixSetCatalog>().Find(TileMatrixSetId)
        ?? throw ServiceException.Unavailable($"Tile matrix set {TileMatrixSetId} is not configured (config/tilematrixsets).");
}
