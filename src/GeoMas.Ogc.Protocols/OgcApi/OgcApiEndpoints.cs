using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.OgcApi.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Maps OGC API – Features (Parts 1, 2, 3) at the root (URL map of ARCHITECTURE.md): <c>/</c>, <c>/conformance</c>,
/// <c>/api</c>, <c>/collections</c>, <c>/collections/{collectionId}</c>, <c>…/items</c>, <c>…/items/{featureId}</c>,
/// <c>…/queryables</c>. GET and HEAD (TRAP-6); CORS is global. Every failure becomes the JSON exception of
/// <see cref="OgcApiErrorWriter"/>. Needs in DI: ICatalogProvider, CrsRegistry, IFeatureSourceProvider
/// (optional: TimeProvider, ILoggerFactory).
/// </summary>
public static class OgcApiEndpoints
{
    public const string LandingPath = "/";
    public const string ConformancePath = "/conformance";
    public const string ApiPath = "/api";
    public const string CollectionsPath = "/collections";

    public static string CollectionPath(string collectionId) => CollectionsPath + "/" + Uri.EscapeDataString(collectionId);

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapOgcApiFeatures(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Map(endpoints, LandingPath, "OgcApiLanding", LandingPageHandler.HandleAsync);
        Map(endpoints, ConformancePath, "OgcApiConformance", ConformanceHandler.HandleAsync);
        Map(endpoints, ApiPath, "OgcApiDefinition", OpenApiHandler.HandleAsync);
        Map(endpoints, CollectionsPath, "OgcApiCollections", CollectionsHandler.HandleListAsync);
        Map(endpoints, CollectionsPath + "/{collectionId}", "OgcApiCollection",
            c => CollectionsHandler.HandleOneAsync(c, Route(c, "collectionId")));
        Map(endpoints, CollectionsPath + "/{collectionId}/items", "OgcApiItems",
            c => ItemsHandler.HandleAsync(c, Route(c, "collectionId")));
        Map(endpoints, CollectionsPath + "/{collectionId}/items/{featureId}", "OgcApiItem",
            c => ItemHandler.HandleAsync(c, Route(c, "collectionId"), Route(c, "featureId")));
        Map(endpoints, CollectionsPath + "/{collectionId}/queryables", "OgcApiQueryables",
            c => QueryablesHandler.HandleAsync(c, Route(c, "collectionId")));
        endpoints.MapHtmlAssets();
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, string name, Func<HttpContext, Task> handler) =>
        endpoints.MapMethods(pattern, GetAndHead, (HttpContext context) => RunAsync(context, handler)).WithName(name);

    private static string Route(HttpContext context, string name) => context.GetRouteValue(name)?.ToString() ?? "";

    /// <summary>Runs a handler; input errors → 400/404/406, anything unexpected → logged 500 (never for bad input).</summary>
    public static async Task RunAsync(HttpContext context, Func<HttpContext, Task> handler)
    {
        try
        {
            await handler(context);
        }
        catch (OperationCanceledException left) when (ClientGoneException.Explains(context, left))
        {
            // The client went away: the query was cancelled with it; nobody is left to answer.
        }
        catch (ServiceException error)
        {
            if (OgcApiErrorWriter.StatusOf(error) >= 500)
                Logger(context).LogError(error, "OGC API request {Path} failed: {Message}", context.Request.Path, error.Message);
            await FailAsync(context, error, () => OgcApiErrorWriter.WriteAsync(context, error));
        }
        catch (Exception error)
        {
            Logger(context).LogError(error, "OGC API request {Path} failed", context.Request.Path);
            await FailAsync(context, error, () => OgcApiErrorWriter.WriteAsync(context, StatusCodes.Status500InternalServerError,
                "NoApplicableCode", "The server failed to answer this request; the error is logged."));
        }
    }

    private const string BodyStartedKey = "GeoMas.OgcApi.BodyStarted";

    /// <summary>
    /// Marks that bytes of a 200 body went into the response pipe: from then on a failure cuts the connection
    /// (buffered but unflushed bytes cannot be taken back, so an error body would be appended to a partial one).
    /// </summary>
    public static void MarkBodyStarted(HttpContext context) => context.Items[BodyStartedKey] = true;

    private static async Task FailAsync(HttpContext context, Exception error, Func<Task> writeError)
    {
        if (!context.Response.HasStarted && !context.Items.ContainsKey(BodyStartedKey))
        {
            context.Response.Clear();
            await writeError();
            return;
        }
        // Part of a 200 body is already sent: cut the connection so the client cannot take it for a whole response.
        Logger(context).LogWarning(error, "OGC API response {Path} aborted after it started", context.Request.Path);
        context.Abort();
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("GeoMas.Ogc.Protocols.OgcApi") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
