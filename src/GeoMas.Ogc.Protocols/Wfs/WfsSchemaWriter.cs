using System.Xml;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// Writes the XSD DescribeFeatureType returns (WFS-O2): one schema, target namespace <c>http://geomas.org/ogc</c>,
/// importing GML 3.2.1 (WFS 2.0.0) or GML 3.1.1 (WFS 1.1.0), with the element and complex type of each requested type
/// as <see cref="WfsFeatureTypeSchema"/> describes them. Streamed with an async XmlWriter.
/// </summary>
public sealed class WfsSchemaWriter(bool gml32)
{
    private const string XsNs = "http://www.w3.org/2001/XMLSchema";

    private string GmlNs => gml32 ? WfsCapabilities20Writer.GmlNs : WfsCapabilities110Writer.GmlNs;
    private string GmlSchema => gml32 ? "http://schemas.opengis.net/gml/3.2.1/gml.xsd" : "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd";
    private string AbstractFeature => gml32 ? "gml:AbstractFeature" : "gml:_Feature";

    public async Task WriteAsync(Stream output, IEnumerable<LayerDefinition> layers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("xs", "schema", XsNs);
        await xml.WriteAttributeStringAsync("xmlns", "gml", null, GmlNs);
        await xml.WriteAttributeStringAsync("xmlns", WfsFeatureTypes.Prefix, null, WfsFeatureTypes.Namespace);
        await xml.WriteAttributeStringAsync(null, "targetNamespace", null, WfsFeatureTypes.Namespace);
        await xml.WriteAttributeStringAsync(null, "elementFormDefault", null, "qualified");
        await xml.WriteAttributeStringAsync(null, "attributeFormDefault", null, "unqualified");
        await xml.WriteAttributeStringAsync(null, "version", null, "1.0");
        await xml.WriteStartElementAsync("xs", "import", XsNs);
        await xml.WriteAttributeStringAsync(null, "namespace", null, GmlNs);
        await xml.WriteAttributeStringAsync(null, "schemaLocation", null, GmlSchema);
        await xml.WriteEndElementAsync();
        foreach (var layer in layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await FeatureTypeAsync(xml, layer);
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private async Task FeatureTypeAsync(XmlWriter xml, LayerDefinition layer)
    {
        var name = WfsFeatureTypeSchema.ElementName(layer.Id);
        await xml.WriteStartElementAsync("xs", "element", XsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteAttributeStringAsync(null, "type", null, WfsFeatureTypes.Prefix + ":" + name + "Type");
        await xml.WriteAttributeStringAsync(null, "substitutionGroup", null, AbstractFeature);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("xs", "complexType", XsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name + "Type");
        await xml.WriteStartElementAsync("xs", "complexContent", XsNs);
        await xml.WriteStartElementAsync("xs", "extension", XsNs);
        await xml.WriteAttributeStringAsync(null, "base", null, "gml:AbstractFeatureType");
        await xml.WriteStartElementAsync("xs", "sequence", XsNs);
        await PropertyAsync(xml, layer.GeometryColumn, "gml:" + WfsFeatureTypeSchema.GeometryPropertyType(layer));
        foreach (var attribute in layer.Attributes.Where(a => a.Name != layer.GeometryColumn))
            await PropertyAsync(xml, attribute.Name, "xs:" + WfsFeatureTypeSchema.XsdType(attribute.Type));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task PropertyAsync(XmlWriter xml, string property, string type)
    {
        await xml.WriteStartElementAsync("xs", "element", XsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, WfsFeatureTypeSchema.ElementName(property));
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "minOccurs", null, "0");
        await xml.WriteAttributeStringAsync(null, "maxOccurs", null, "1");
        await xml.WriteAttributeStringAsync(null, "nillable", null, "true");
        await xml.WriteEndElementAsync();
    }
}
