using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>
/// The dataset map <c>/map</c> (S-OAM dataset-map): the <c>plan</c> group of ARCHITECTURE.md — every vector layer,
/// bottom to top, as <c>../shared/bench</c> draws it — in the caller's catalog view (hidden members are left out).
/// </summary>
public static class OgcApiDatasetMap
{
    public const string Path = "/map";
    public const string GroupId = "plan";

    /// <summary>The group drawn as the dataset map, or null when the catalog (or the caller's view of it) has none.</summary>
    public static LayerDefinition? Group(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.FindLayer(GroupId) is { Kind: LayerKind.Group } group && snapshot.Expand(group).Any() ? group : null;
    }
}
