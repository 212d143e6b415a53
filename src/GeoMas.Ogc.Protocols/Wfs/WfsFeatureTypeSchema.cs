using System.Xml;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The GML application schema of the feature types, as DescribeFeatureType publishes it and as GetFeature must write
/// features to validate against it:
/// <list type="bullet">
/// <item>one element per type, <c>geomas:&lt;layer id&gt;</c>, substitutable for gml:AbstractFeature (GML 3.2) or
/// gml:_Feature (GML 3.1.1), of type <c>geomas:&lt;layer id&gt;Type</c>;</item>
/// <item>properties in <see cref="Properties"/> order: the geometry first (named after the geometry column), then the
/// published attributes in catalog order; all optional (minOccurs 0) and nillable, so a null value may be omitted;</item>
/// <item>the geometry property is a Multi* property (<see cref="GeometryPropertyType"/>): a layer's geometry kind covers
/// single and multi geometries (the demo data is all multi), so GetFeature writes a single Polygon / LineString /
/// Point as a one-member MultiSurface / MultiCurve / MultiPoint.</item>
/// </list>
/// </summary>
public static class WfsFeatureTypeSchema
{
    /// <summary>Property element names in schema order; the first is the geometry.</summary>
    public static IReadOnlyList<string> Properties(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var names = new List<string> { layer.GeometryColumn };
        names.AddRange(layer.Attributes.Select(a => a.Name).Where(n => n != layer.GeometryColumn));
        return names;
    }

    /// <summary>The XML element name of a property (column names are valid NCNames in practice; encoded when not).</summary>
    public static string ElementName(string property) => XmlConvert.EncodeLocalName(property) ?? property;

    /// <summary>The gml:*PropertyType of the layer's geometry (the same local names in GML 3.2 and 3.1.1).</summary>
    public static string GeometryPropertyType(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer.GeometryKind switch
        {
            GeometryKind.Point => "MultiPointPropertyType",
            GeometryKind.Line => "MultiCurvePropertyType",
            _ => "MultiSurfacePropertyType",
        };
    }

    /// <summary>XML Schema built-in type of an attribute.</summary>
    public static string XsdType(AttributeType type) => type switch
    {
        AttributeType.Integer => "int",
        AttributeType.Long => "long",
        AttributeType.Double => "double",
        AttributeType.Boolean => "boolean",
        AttributeType.Date => "date",
        AttributeType.DateTime => "dateTime",
        _ => "string",
    };
}
