using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Wfs.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// Maps WFS 2.0.0 and 1.1.0 on <c>/wfs</c>: GET (HEAD through the server's HEAD middleware) and POST, KVP or XML
/// (<see cref="WfsRequestReader"/>). The operation name routes: the metadata operations are answered here,
/// GetFeature and GetPropertyValue by <see cref="WfsFeatureOperations"/>. Every failure is an OWS ExceptionReport
/// (<see cref="WfsErrorResponder"/>); unexpected ones are logged and reported as NoApplicableCode.
/// Needs in DI: ICatalogProvider, CrsRegistry, WfsFeatureOperations (optional: WfsOptions, ILoggerFactory).
/// </summary>
public static class WfsEndpoints
{
    public const string Path = "/wfs";

    public static IEndpointConventionBuilder MapWfs(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], DispatchAsync).WithName("Wfs");
    }

    public static async Task DispatchAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var options = services.GetService<WfsOptions>() ?? WfsOptions.Default;
        var errorVersion = WfsVersion.V200;
        string? operation = null;
        try
        {
            var request = await WfsRequestReader.ReadAsync(context.Request, options, context.RequestAborted);
            operation = request.Operation;
            errorVersion = WfsVersion.ForErrors(request.Version);
            if (request.Xml is not null && request.XmlNamespace == WfsRequestReader.Wfs11Namespace && request.Version is null)
                errorVersion = WfsVersion.V110;
            CheckService(request);
            if (string.IsNullOrEmpty(operation))
                throw ServiceException.Missing("request");

            var snapshot = services.GetRequiredService<ICatalogProvider>().Current;
            if (operation.Equals("GetCapabilities", StringComparison.OrdinalIgnoreCase))
            {
                var capabilities = WfsCapabilitiesRequest.Parse(request, snapshot.UpdateSequence);
                errorVersion = capabilities.Version;
                await WfsGetCapabilitiesHandler.HandleAsync(context, capabilities, snapshot, services.GetRequiredService<CrsRegistry>());
                return;
            }

            var canonical = CanonicalOperation(operation);
            var version = WfsVersion.ParseForOperation(request.Version);
            errorVersion = version;
            if (version == WfsVersion.V110 && canonical is "ListStoredQueries" or "DescribeStoredQueries" or "GetPropertyValue")
                throw OperationNotSupported(operation, "WFS 1.1.0");
            var input = new WfsRequestInput(canonical, version, request.Kvp, request.Xml);
            switch (canonical)
            {
                case "DescribeFeatureType":
                    await WfsDescribeFeatureTypeHandler.HandleAsync(context, input, snapshot);
                    break;
                case "ListStoredQueries":
                    await WfsStoredQueriesHandler.ListAsync(context, snapshot);
                    break;
                case "DescribeStoredQueries":
                    await WfsStoredQueriesHandler.DescribeAsync(context, input, snapshot);
                    break;
                case "GetFeature":
                    await services.GetRequiredService<WfsFeatureOperations>().GetFeatureAsync(context, input, context.RequestAborted);
                    break;
                case "GetPropertyValue":
                    await services.GetRequiredService<WfsFeatureOperations>().GetPropertyValueAsync(context, input, context.RequestAborted);
                    break;
                default:
                    throw OperationNotSupported(operation, "this WFS");
            }
        }
        catch (ServiceException error)
        {
            if (!await WfsErrorResponder.WriteAsync(context, error, errorVersion))
                context.Abort(); // Part of a document is out: cutting the connection is the only honest signal left.
        }
        catch (UnsupportedCrsException error)
        {
            if (!await WfsErrorResponder.WriteAsync(context, ServiceException.Invalid("srsName", error.Message), errorVersion))
                context.Abort();
        }
        catch (OperationCanceledException left) when (ClientGoneException.Explains(context, left))
        {
            // The client left; nobody is there to read an answer.
        }
        // A body that breaks Kestrel's limits (over protection.requests.maxBodyBytes) goes on to Kestrel, which answers
        // it with its status (413): it is the client's error, and whether it surfaces here or in a middleware that
        // peeked at the body depends only on how fast the chunks arrived.
        catch (Exception error) when (error is not BadHttpRequestException)
        {
            services.GetService<ILoggerFactory>()?.CreateLogger(typeof(WfsEndpoints).FullName!)
                .LogError(error, "WFS {Operation} failed: {Query}", operation, context.Request.QueryString.Value);
            if (!await WfsErrorResponder.WriteAsync(context,
                    new ServiceException(ErrorKind.Internal, "NoApplicableCode", "Internal server error; the incident has been logged.", null, error), errorVersion))
                context.Abort();
        }
    }

    /// <summary>The operations of WFS 2.0 Table 1 in their canonical spelling; anything else is returned as sent.</summary>
    private static string CanonicalOperation(string operation) =>
        Known.FirstOrDefault(o => o.Equals(operation, StringComparison.OrdinalIgnoreCase)) ?? operation;

    private static readonly string[] Known =
        ["DescribeFeatureType", "ListStoredQueries", "DescribeStoredQueries", "GetFeature", "GetPropertyValue"];

    // SERVICE is mandatory in every WFS KVP request (WFS 2.0 Table 7; WFS-C7) and must say WFS.
    private static void CheckService(WfsIncomingRequest request)
    {
        if (string.IsNullOrEmpty(request.Service))
            throw ServiceException.Missing("service");
        if (!request.Service.Equals("WFS", StringComparison.OrdinalIgnoreCase))
            throw ServiceException.Invalid("service", $"service={request.Service} is not WFS.");
    }

    private static ServiceException OperationNotSupported(string operation, string where) =>
        new(ErrorKind.OperationNotSupported, "OperationNotSupported", $"Operation '{operation}' is not supported by {where}.", operation);
}
