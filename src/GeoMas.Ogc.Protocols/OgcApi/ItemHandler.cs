using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// <c>GET /collections/{id}/items/{featureId}</c> (OAF-11): one GeoJSON Feature with self/alternate/collection links,
/// in the <c>crs</c> asked for (CRS84 by default, Content-Crs always set). Found by id whatever its validity period
/// (a plu_zones version no longer in force is still addressable). Unknown id → 404.
/// </summary>
public static class ItemHandler
{
    public static async Task HandleAsync(HttpContext context, string collectionId, string featureId)
    {
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        var query = context.Request.Query;
        OgcApiQuery.RejectUnknown(query, ItemsParameters.Item.Contains);
        var crs = OgcApiCrs.Parse(OgcApiQuery.Single(query, ItemsParameters.Crs) is { Length: > 0 } text ? text.Trim() : null,
            ItemsParameters.Crs, OgcApiCrs.Supported(layer, services.Snapshot, services.Crs));
        var properties = OgcApiQuery.Single(query, ItemsParameters.Properties) is { } propertiesText
            ? PropertiesParameter.Parse(propertiesText, layer)
            : null;
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.Features);

        var feature = await services.SourceFor(layer).GetByIdAsync(layer, featureId, crs.Srid, context.RequestAborted)
            ?? throw OgcApiErrorWriter.NotFound($"Collection '{layer.Id}' has no feature '{featureId}'.", "featureId");
        if (context.Features.Get<IUsageRecorder>() is { } usage)
        {
            usage.Layer(layer.Id);
            usage.Features(1);
        }

        // The source returns every published attribute; keep the asked ones, in the asked order.
        var all = layer.Attributes.Select(a => a.Name).ToList();
        var names = properties ?? all;
        var values = properties is null ? feature.Values : properties.Select(p => feature.Values[all.IndexOf(p)]).ToArray();
        var shown = new Feature(feature.Id, feature.Geometry, values);

        var itemUrl = services.Url(OgcApiEndpoints.CollectionPath(layer.Id) + "/items/" + Uri.EscapeDataString(featureId));
        var links = OgcApiLinks.SelfAndAlternates(itemUrl, query, OgcApiRepresentation.Features, representation, "This feature")
            .Append(new OgcApiLink(services.Url(OgcApiEndpoints.CollectionPath(layer.Id)), "collection", OgcApiMediaTypes.Json, layer.Title))
            .ToList();
        if (representation.IsHtml)
        {
            await Html.ItemHtmlPage.WriteAsync(context, services, layer, shown, names, links);
            return;
        }
        context.Response.Headers["Content-Crs"] = "<" + crs.ToHttpUri() + ">";
        var layout = FeatureLayouts.For(layer, names, OgcApiCrs.IsLatitudeFirst(crs), GeoJsonPositionFormatter.DecimalsFor(services.Crs.IsGeographic(crs.Srid)));
        await OgcApiJson.WriteAsync(context, representation.MediaType,
            json => GeoJsonFeatureWriter.Write(json, shown, layout, j => OgcApiLink.WriteArray(j, links)));
    }
}
