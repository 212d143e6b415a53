using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// Maps WMTS 1.0.0: KVP on <c>/wmts</c>, RESTful ServiceMetadata on <c>/wmts/1.0.0/WMTSCapabilities.xml</c> and tiles
/// and feature info below <c>/wmts/1.0.0/</c>; GET and HEAD everywhere (TRAP-6). CORS comes from the server's global
/// middleware. Needs in DI: ICatalogProvider, TileMatrixSetCatalog, LayerTileLimitsCache, ITileService,
/// ILegendRenderer, IFeatureInfoService (optional: TimeProvider, ILoggerFactory).
/// </summary>
public static class WmtsEndpoints
{
    private static readonly string[] GetHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapWmts(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(WmtsUrls.KvpPath, GetHead, DispatchKvpAsync).WithName("WmtsKvp");
        endpoints.MapMethods(WmtsUrls.RestRoot + "/" + WmtsUrls.CapabilitiesFile, GetHead, RestCapabilitiesAsync).WithName("WmtsRestCapabilities");
        endpoints.MapMethods(WmtsUrls.RestRoot + "/{**path}", GetHead, RestResourceAsync).WithName("WmtsRest");
        return endpoints;
    }

    /// <summary>KVP: SERVICE and REQUEST pick the operation (WMTS-A3); every failure is an OWS ExceptionReport.</summary>
    public static Task DispatchKvpAsync(HttpContext context) => RunAsync(context, async (services, headOnly) =>
    {
        var kvp = KvpRequest.From(context.Request.Query);
        var service = kvp.Get("SERVICE");
        if (string.IsNullOrEmpty(service))
            throw ServiceException.Missing("service");
        if (!service.Equals("WMTS", StringComparison.OrdinalIgnoreCase))
            throw ServiceException.Invalid("service", $"service={service} is not WMTS.");
        var operation = kvp.Get("REQUEST");
        switch (operation?.ToLowerInvariant())
        {
            case null or "":
                throw ServiceException.Missing("request");
            case "getcapabilities":
                await WmtsGetCapabilitiesHandler.HandleAsync(context, services, WmtsCapabilitiesRequest.Parse(kvp, services.Snapshot.UpdateSequence), headOnly);
                break;
            case "gettile":
                CheckVersion(kvp);
                await WmtsGetTileHandler.HandleAsync(context, WmtsTileResolver.Resolve(TileParameters(kvp), services.Contents), services, headOnly);
                break;
            case "getfeatureinfo":
                {
                    CheckVersion(kvp);
                    var address = WmtsTileResolver.Resolve(TileParameters(kvp), services.Contents);
                    WmtsGetFeatureInfoHandler.CheckQueryable(address, services.Contents);
                    var format = WmtsGetFeatureInfoHandler.ParseInfoFormat(kvp.Get("InfoFormat"));
                    await WmtsGetFeatureInfoHandler.HandleAsync(context, address, format, kvp.Get("I"), kvp.Get("J"), services, headOnly);
                    break;
                }
            default:
                throw ServiceException.Invalid("request", $"request={operation} is not a WMTS operation.");
        }
    });

    /// <summary>RESTful ServiceMetadata: the KVP document, or 406 when the client accepts no XML (WMTS-T9, TRAP-5).</summary>
    public static Task RestCapabilitiesAsync(HttpContext context) => RunAsync(context, async (services, headOnly) =>
    {
        if (!AcceptsXml(context.Request))
            throw new ServiceException(ErrorKind.NotAcceptable, "InvalidParameterValue",
                "The service metadata is only available as application/xml.", "Accept");
        await WmtsGetCapabilitiesHandler.HandleAsync(context, services, WmtsCapabilitiesRequest.Full, headOnly);
    });

    public static Task RestResourceAsync(HttpContext context) => RunAsync(context, async (services, headOnly) =>
    {
        var path = context.Request.RouteValues["path"] as string ?? "";
        var resource = WmtsRestPath.Parse(path, id => services.Contents.FindLayer(id) is { } layer && WmtsTimeDimension.Of(layer) is not null);
        var address = WmtsTileResolver.Resolve(resource.Tile, services.Contents);
        if (!resource.IsFeatureInfo)
        {
            await WmtsGetTileHandler.HandleAsync(context, address, services, headOnly);
            return;
        }
        WmtsGetFeatureInfoHandler.CheckQueryable(address, services.Contents);
        var format = WmtsInfoFormat.FindByExtension(resource.InfoExtension!)
            ?? throw ServiceException.Invalid("InfoFormat", $"'.{resource.InfoExtension}' is not an offered feature info format.");
        await WmtsGetFeatureInfoHandler.HandleAsync(context, address, format, resource.I, resource.J, services, headOnly);
    });

    private static async Task RunAsync(HttpContext context, Func<WmtsServices, bool, Task> handle)
    {
        var headOnly = HttpMethods.IsHead(context.Request.Method);
        try
        {
            await handle(new WmtsServices(context), headOnly);
        }
        catch (ServiceException error)
        {
            await WmtsErrorResponder.WriteAsync(context, error, headOnly);
        }
        catch (UnsupportedCrsException error)
        {
            await WmtsErrorResponder.WriteAsync(context, new ServiceException(ErrorKind.Internal, "NoApplicableCode", error.Message, null, error), headOnly);
        }
        catch (OperationCanceledException left) when (ClientGoneException.Explains(context, left))
        {
            // The client left; nobody is there to read an answer.
        }
        catch (Exception error)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(WmtsEndpoints).FullName!)
                .LogError(error, "WMTS request failed: {Path}{Query}", context.Request.Path.Value, context.Request.QueryString.Value);
            await WmtsErrorResponder.WriteAsync(context,
                new ServiceException(ErrorKind.Internal, "NoApplicableCode", "Internal server error; the incident has been logged.", null, error), headOnly);
        }
    }

    private static void CheckVersion(KvpRequest kvp)
    {
        var version = kvp.Get("VERSION");
        if (string.IsNullOrEmpty(version))
            throw ServiceException.Missing("version");
        if (version.Trim() != WmtsVersion.Current)
            throw ServiceException.Invalid("version", $"version={version} is not supported; this service speaks WMTS {WmtsVersion.Current}.");
    }

    private static WmtsTileParameters TileParameters(KvpRequest kvp) => new()
    {
        Layer = kvp.Get("LAYER"),
        Style = kvp.Get("STYLE"),
        Format = kvp.Get("FORMAT"),
        TileMatrixSet = kvp.Get("TILEMATRIXSET"),
        TileMatrix = kvp.Get("TILEMATRIX"),
        TileRow = kvp.Get("TILEROW"),
        TileCol = kvp.Get("TILECOL"),
        Time = kvp.Get(WmtsTimeDimension.Identifier),
    };

    /// <summary>No Accept, or any range that covers application/xml or text/xml.</summary>
    private static bool AcceptsXml(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
            return true;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return true; // An unreadable header is ignored rather than refused.
        return ranges.Any(range => range.Quality is not 0
            && (new MediaTypeHeaderValue("application/xml").IsSubsetOf(range) || new MediaTypeHeaderValue("text/xml").IsSubsetOf(range)));
    }
}
