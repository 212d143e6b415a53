using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>The map links of a collection description (OAM-2) and of the landing page (the dataset map): both spellings of the relation, PNG.</summary>
public static class OgcApiMapsLinks
{
    public static IEnumerable<OgcApiLink> ForCollection(OgcApiServices services, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        var href = services.Url(OgcApiMapsRelations.MapPath(layer.Id));
        yield return new OgcApiLink(href, OgcApiMapsRelations.Map, "image/png", $"Map of {layer.Title}");
        yield return new OgcApiLink(href, OgcApiMapsRelations.MapHttps, "image/png", $"Map of {layer.Title}");
    }

    public static IEnumerable<OgcApiLink> ForLandingPage(OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (OgcApiDatasetMap.Group(services.Snapshot) is not { } group)
            yield break;
        var href = services.Url(OgcApiDatasetMap.Path);
        yield return new OgcApiLink(href, OgcApiMapsRelations.Map, "image/png", $"Map of the dataset ({group.Title})");
        yield return new OgcApiLink(href, OgcApiMapsRelations.MapHttps, "image/png", $"Map of the dataset ({group.Title})");
    }
}
