using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// Maps WMS 1.3.0 and 1.1.1 on <c>/wms</c>: GET and HEAD (minimal APIs answer HEAD only when asked, TRAP-6) and
/// OPTIONS for CORS preflight (TRAP-7). Needs in DI: ICatalogProvider, CrsRegistry, IMapRenderer, ILegendRenderer,
/// IFeatureInfoService, RenderGate (optional: TimeProvider, ILoggerFactory).
/// </summary>
public static class WmsEndpoints
{
    public const string Path = "/wms";
    private const string AllowedMethods = "GET, HEAD, OPTIONS";

    public static IEndpointConventionBuilder MapWms(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(Path, [HttpMethods.Options], AnswerOptions).WithName("WmsOptions");
        return endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], DispatchAsync).WithName("Wms");
    }

    private static Task AnswerOptions(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.Allow = AllowedMethods;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowMethods = AllowedMethods;
        headers.AccessControlAllowHeaders = "*";
        headers.AccessControlMaxAge = "86400";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>One entry point: REQUEST picks the operation; every failure becomes a WMS exception of the right version.</summary>
    public static async Task DispatchAsync(HttpContext context)
    {
        var kvp = KvpRequest.From(context.Request.Query);
        var headOnly = HttpMethods.IsHead(context.Request.Method);
        context.Response.Headers.AccessControlAllowOrigin = "*";
        var operation = kvp.Get("REQUEST")?.Trim() ?? "";
        var errorVersion = WmsVersions.ForErrors(kvp.Get("VERSION"));
        WmsImageErrorTarget? imageTarget = null;
        try
        {
            var services = new WmsServices(context);
            CheckService(kvp);
            switch (operation.ToLowerInvariant())
            {
                case "getcapabilities" or "capabilities":
                    errorVersion = WmsVersions.Negotiate(kvp.Get("VERSION"));
                    await WmsGetCapabilitiesHandler.HandleAsync(context, kvp, services, errorVersion, headOnly);
                    break;
                case "getmap" or "map":
                    imageTarget = WmsGetMapParser.ReadErrorTarget(kvp, services.Snapshot.Limits);
                    await WmsGetMapHandler.HandleAsync(context, kvp, services, WmsVersions.ParseForOperation(kvp.Get("VERSION")), headOnly);
                    break;
                case "getfeatureinfo" or "feature_info":
                    await WmsGetFeatureInfoHandler.HandleAsync(context, kvp, services, WmsVersions.ParseForOperation(kvp.Get("VERSION")), headOnly);
                    break;
                case "getlegendgraphic":
                    await WmsGetLegendGraphicHandler.HandleAsync(context, kvp, services, headOnly);
                    break;
                case "":
                    throw ServiceException.Missing("REQUEST");
                default:
                    throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported",
                        $"Request '{operation}' is not supported by this WMS.", "REQUEST");
            }
        }
        catch (ServiceException error)
        {
            await WmsErrorResponder.WriteAsync(context, errorVersion, error, imageTarget);
        }
        catch (UnsupportedCrsException error)
        {
            await WmsErrorResponder.WriteAsync(context, errorVersion,
                ServiceException.Invalid(errorVersion == WmsVersion.V130 ? "CRS" : "SRS", error.Message, errorVersion == WmsVersion.V130 ? "InvalidCRS" : "InvalidSRS"), imageTarget);
        }
        catch (OperationCanceledException left) when (ClientGoneException.Explains(context, left))
        {
            // The client left; nobody is there to read an answer.
        }
        catch (Exception error)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(WmsEndpoints).FullName!)
                .LogError(error, "WMS {Operation} failed: {Query}", operation, context.Request.QueryString.Value);
            await WmsErrorResponder.WriteAsync(context, errorVersion,
                new ServiceException(ErrorKind.Internal, "NoApplicableCode", "Internal server error; the incident has been logged.", null, error), imageTarget);
        }
    }

    // SERVICE is optional on GetMap/GetFeatureInfo (WMS-G5), but when present it must say WMS.
    private static void CheckService(KvpRequest kvp)
    {
        var service = kvp.Get("SERVICE");
        if (!string.IsNullOrEmpty(service) && !service.Trim().Equals("WMS", StringComparison.OrdinalIgnoreCase))
            throw ServiceException.Invalid("SERVICE", $"SERVICE={service} is not WMS.");
    }
}
