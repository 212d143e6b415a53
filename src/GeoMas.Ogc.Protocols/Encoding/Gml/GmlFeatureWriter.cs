using System.Globalization;
using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Encoding.Gml;

/// <summary>
/// Writes one feature as an element of the GeoMas application schema:
/// <c>&lt;geomas:parcelles gml:id="parcelles.12"&gt;&lt;geomas:geom&gt;…&lt;/geomas:geom&gt;&lt;geomas:commune&gt;05061&lt;/geomas:commune&gt;…</c>.
/// The geometry property comes first, then the attributes in catalog order (the order of the DescribeFeatureType
/// sequence); null values are left out (every property is optional in the schema). Values are written as their XML
/// Schema lexical forms (invariant culture, TRAP-4).
/// </summary>
public sealed class GmlFeatureWriter(GmlFeatureLayout layout, Gml3GeometryWriter geometryWriter)
{
    private readonly string _geometryIdSuffix = "." + (layout.GeometryProperty ?? "geom");

    public GmlFeatureLayout Layout => layout;

    /// <param name="rootAttributes">Namespace declarations etc. when the feature is the document's root (GetFeatureById).</param>
    public void Write(XmlWriter xml, Feature feature, Action<XmlWriter>? rootAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(feature);
        var gmlId = layout.IdPrefix + feature.Id;
        xml.WriteStartElement(GmlNamespaces.AppPrefix, layout.TypeName, GmlNamespaces.App);
        rootAttributes?.Invoke(xml);
        xml.WriteAttributeString("gml", "id", layout.GmlNamespace, gmlId);
        if (layout.GeometryProperty is { } geometryProperty && feature.Geometry is { IsEmpty: false } geometry)
        {
            xml.WriteStartElement(GmlNamespaces.AppPrefix, geometryProperty, GmlNamespaces.App);
            geometryWriter.Write(xml, layout.MultiGeometries ? AsMulti(geometry) : geometry, gmlId + _geometryIdSuffix);
            xml.WriteEndElement();
        }
        var properties = layout.Properties;
        var values = feature.Values;
        for (var i = 0; i < properties.Count && i < values.Length; i++)
        {
            if (Format(values[i], properties[i].Type) is not { } text)
                continue;
            xml.WriteStartElement(GmlNamespaces.AppPrefix, properties[i].Name, GmlNamespaces.App);
            xml.WriteString(text);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static Geometry AsMulti(Geometry geometry) => geometry switch
    {
        Polygon polygon => geometry.Factory.CreateMultiPolygon([polygon]),
        LinearRing => geometry,
        LineString line => geometry.Factory.CreateMultiLineString([line]),
        Point point => geometry.Factory.CreateMultiPoint([point]),
        _ => geometry,
    };

    /// <summary>The XML Schema lexical form of a value of an attribute of <paramref name="type"/>; null for SQL NULL.</summary>
    public static string? Format(object? value, AttributeType type) => value switch
    {
        null or DBNull => null,
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTime t when type == AttributeType.DateTime => t.Kind == DateTimeKind.Unspecified
            ? t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
            : t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime t when type == AttributeType.Date => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset o when type == AttributeType.Date => o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d when type == AttributeType.DateTime => d.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture),
        _ => FeatureValueFormatter.Format(value),
    };

    // xsd:double spells the infinities INF/-INF (.NET writes "∞" or "Infinity").
    private static string FormatDouble(double d) =>
        double.IsPositiveInfinity(d) ? "INF" : double.IsNegativeInfinity(d) ? "-INF" : d.ToString("R", CultureInfo.InvariantCulture);
}
