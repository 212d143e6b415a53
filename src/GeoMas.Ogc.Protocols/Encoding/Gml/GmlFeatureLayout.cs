using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Encoding.Gml;

/// <summary>
/// How the features of one response are written in GML: the feature element (<c>geomas:parcelles</c>), the gml:id
/// prefix (<c>parcelles.</c>), the geometry property (the layer's geometry column; null = not returned) and the
/// attributes aligned with <c>Feature.Values</c>, in application-schema order. With <see cref="MultiGeometries"/>, a
/// single Point / LineString / Polygon is written as a one-member MultiPoint / MultiCurve / MultiSurface, because the
/// application schema types every geometry property as a Multi* property (the layers mix both).
/// </summary>
public sealed record GmlFeatureLayout(
    string GmlNamespace,
    string TypeName,
    string IdPrefix,
    string? GeometryProperty,
    IReadOnlyList<AttributeDefinition> Properties,
    bool MultiGeometries = true)
{
    /// <summary>The layout of <paramref name="layer"/>'s features: element = layer id, ids = "layer.id".</summary>
    public static GmlFeatureLayout For(LayerDefinition layer, string gmlNamespace, bool includeGeometry, IReadOnlyList<AttributeDefinition> properties)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return new GmlFeatureLayout(gmlNamespace, layer.Id, layer.Id + ".", includeGeometry ? layer.GeometryColumn : null, properties);
    }
}
