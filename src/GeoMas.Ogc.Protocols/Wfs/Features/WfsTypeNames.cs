using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// Feature type names and resource ids → catalog layers, by <see cref="WfsFeatureTypes.Find"/> (the same rules as
/// DescribeFeatureType: <c>geomas:parcelles</c>, <c>parcelles</c>, a prefix bound to the GeoMas namespace, Clark
/// notation). Identifiers therefore always come from the catalog, never from the request.
/// </summary>
public static class WfsTypeNames
{
    /// <summary><c>geomas:parcelles</c> → <c>parcelles</c>; <c>{uri}parcelles</c> (Clark notation) → <c>parcelles</c>.</summary>
    public static string LocalPart(string name)
    {
        var brace = name.LastIndexOf('}');
        if (brace >= 0)
            return name[(brace + 1)..];
        var colon = name.LastIndexOf(':');
        return colon >= 0 ? name[(colon + 1)..] : name;
    }

    /// <summary>
    /// Splits a resource id <c>parcelles.12</c> (also <c>geomas:parcelles.12</c>) into its feature type and row id.
    /// False when the text before the first dot names no feature type: the id is then taken as a bare row id.
    /// </summary>
    public static bool TrySplitResourceId(CatalogSnapshot snapshot, string resourceId, out LayerDefinition layer, out string rowId,
        Func<string, string?>? namespaceOfPrefix = null)
    {
        layer = null!;
        rowId = resourceId;
        var dot = resourceId.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == resourceId.Length - 1 || WfsFeatureTypes.Find(snapshot, resourceId[..dot], namespaceOfPrefix) is not { } found)
            return false;
        layer = found;
        rowId = resourceId[(dot + 1)..];
        return true;
    }
}
