using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>
/// Maps OGC API – Maps 1.0 <c>/collections/{collectionId}/map</c> and the dataset map <c>/map</c> (URL map of ARCHITECTURE.md), GET and HEAD, failures
/// as the OGC API JSON exception. Needs in DI, besides what Features needs: IMapRenderer and RenderGate (as WMS).
/// </summary>
public static class OgcApiMapsEndpoints
{
    public static IEndpointRouteBuilder MapOgcApiMaps(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(OgcApiEndpoints.CollectionsPath + "/{collectionId}/map", [HttpMethods.Get, HttpMethods.Head],
                (HttpContext context) => OgcApiEndpoints.RunAsync(context,
                    c => MapHandler.HandleAsync(c, c.GetRouteValue("collectionId")?.ToString() ?? "")))
            .WithName("OgcApiCollectionMap");
        endpoints.MapMethods(OgcApiDatasetMap.Path, [HttpMethods.Get, HttpMethods.Head],
                (HttpContext context) => OgcApiEndpoints.RunAsync(context, MapHandler.HandleDatasetAsync))
            .WithName("OgcApiDatasetMap");
        return endpoints;
    }
}
