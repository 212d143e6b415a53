using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Wms;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// WFS 1.1.0 capabilities for older clients (wfs/1.1.0/wfs.xsd: OWS 1.0 sections, FeatureType with DefaultSRS /
/// OtherSRS, Filter Encoding 1.1 ogc:Filter_Capabilities). Same content as 2.0.0 in the vocabulary of 2005: OWS 1.0
/// parameters list plain <c>ows:Value</c>s, and the filter capabilities use FES 1.1's operator names.
/// </summary>
public sealed class WfsCapabilities110Writer(WfsCapabilitiesContext context)
{
    public const string ContentType = "text/xml; charset=utf-8";
    public const string WfsNs = WfsRequestReader.Wfs11Namespace;
    public const string GmlNs = "http://www.opengis.net/gml";
    private const string OwsNs = WfsExceptionReportWriter.Ows10;
    private const string OgcNs = "http://www.opengis.net/ogc";
    private const string XlinkNs = "http://www.w3.org/1999/xlink";
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly string[] Operations = ["GetCapabilities", "DescribeFeatureType", "GetFeature"];

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("wfs", "WFS_Capabilities", WfsNs);
        await xml.WriteAttributeStringAsync(null, "version", null, WfsVersion.V110);
        if (context.Snapshot.UpdateSequence.Length > 0)
            await xml.WriteAttributeStringAsync(null, "updateSequence", null, context.Snapshot.UpdateSequence);
        await xml.WriteAttributeStringAsync("xmlns", "ows", null, OwsNs);
        await xml.WriteAttributeStringAsync("xmlns", "ogc", null, OgcNs);
        await xml.WriteAttributeStringAsync("xmlns", "gml", null, GmlNs);
        await xml.WriteAttributeStringAsync("xmlns", "xlink", null, XlinkNs);
        await xml.WriteAttributeStringAsync("xmlns", WfsFeatureTypes.Prefix, null, WfsFeatureTypes.Namespace);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs, WfsNs + " http://schemas.opengis.net/wfs/1.1.0/wfs.xsd");
        if (!context.Request.UpToDate)
        {
            var sections = context.Request.Sections;
            if (sections.HasFlag(WfsSections.ServiceIdentification))
                await ServiceIdentificationAsync(xml);
            if (sections.HasFlag(WfsSections.ServiceProvider))
                await WfsOwsServiceProviderWriter.WriteAsync(xml, OwsNs, context.Snapshot.Service);
            if (sections.HasFlag(WfsSections.OperationsMetadata))
                await OperationsMetadataAsync(xml);
            if (sections.HasFlag(WfsSections.FeatureTypeList))
                await FeatureTypeListAsync(xml, cancellationToken);
        }
        // ogc:Filter_Capabilities is mandatory in the 1.1.0 schema: written whatever the sections.
        await FilterCapabilitiesAsync(xml);
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private async Task ServiceIdentificationAsync(XmlWriter xml)
    {
        var service = context.Snapshot.Service;
        await xml.WriteStartElementAsync("ows", "ServiceIdentification", OwsNs);
        await Ows(xml, "Title", service.Title);
        if (service.Abstract.Length > 0)
            await Ows(xml, "Abstract", service.Abstract);
        await WfsCapabilities20Writer.KeywordsAsync(xml, "ows", OwsNs, service.Keywords);
        await Ows(xml, "ServiceType", "WFS");
        await Ows(xml, "ServiceTypeVersion", WfsVersion.V110);
        await Ows(xml, "Fees", service.Fees.Length > 0 ? service.Fees : "none");
        await Ows(xml, "AccessConstraints", service.AccessConstraints.Length > 0 ? service.AccessConstraints : "none");
        await xml.WriteEndElementAsync();
    }

    private async Task OperationsMetadataAsync(XmlWriter xml)
    {
        await xml.WriteStartElementAsync("ows", "OperationsMetadata", OwsNs);
        await OperationAsync(xml, "GetCapabilities",
            ("AcceptVersions", WfsVersion.Supported), ("AcceptFormats", ["text/xml"]),
            ("Sections", ["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "FeatureTypeList", "Filter_Capabilities", "All"]));
        await OperationAsync(xml, "DescribeFeatureType", ("outputFormat", WfsOutputFormats.Schema110));
        await OperationAsync(xml, "GetFeature", ("resultType", ["results", "hits"]), ("outputFormat", WfsOutputFormats.Features110));
        await xml.WriteEndElementAsync();
    }

    private async Task OperationAsync(XmlWriter xml, string name, params (string Name, IReadOnlyList<string> Values)[] parameters)
    {
        await xml.WriteStartElementAsync("ows", "Operation", OwsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteStartElementAsync("ows", "DCP", OwsNs);
        await xml.WriteStartElementAsync("ows", "HTTP", OwsNs);
        foreach (var method in new[] { "Get", "Post" })
        {
            await xml.WriteStartElementAsync("ows", method, OwsNs);
            await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
            await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, context.ServiceUrl);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        foreach (var (parameter, values) in parameters)
        {
            // OWS 1.0 DomainType: a list of ows:Value, no AllowedValues wrapper.
            await xml.WriteStartElementAsync("ows", "Parameter", OwsNs);
            await xml.WriteAttributeStringAsync(null, "name", null, parameter);
            foreach (var value in values)
                await Ows(xml, "Value", value);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private async Task FeatureTypeListAsync(XmlWriter xml, CancellationToken cancellationToken)
    {
        await xml.WriteStartElementAsync("wfs", "FeatureTypeList", WfsNs);
        await xml.WriteStartElementAsync("wfs", "Operations", WfsNs);
        await Wfs(xml, "Operation", "Query");
        await xml.WriteEndElementAsync();
        foreach (var layer in context.FeatureTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await FeatureTypeAsync(xml, layer);
        }
        await xml.WriteEndElementAsync();
    }

    private async Task FeatureTypeAsync(XmlWriter xml, LayerDefinition layer)
    {
        await xml.WriteStartElementAsync("wfs", "FeatureType", WfsNs);
        await Wfs(xml, "Name", WfsFeatureTypes.QualifiedName(layer));
        await Wfs(xml, "Title", layer.Title);
        var abstractText = WmsCapabilitiesContext.AbstractOf(layer);
        if (abstractText.Length > 0)
            await Wfs(xml, "Abstract", abstractText);
        await WfsCapabilities20Writer.KeywordsAsync(xml, "ows", OwsNs, layer.Keywords);
        var crs = context.CrsOf(layer);
        await Wfs(xml, "DefaultSRS", WfsCapabilitiesContext.Urn(crs[0]));
        foreach (var other in crs.Skip(1))
            await Wfs(xml, "OtherSRS", WfsCapabilitiesContext.Urn(other));
        await xml.WriteStartElementAsync("wfs", "OutputFormats", WfsNs);
        foreach (var format in WfsOutputFormats.Features110)
            await Wfs(xml, "Format", format);
        await xml.WriteEndElementAsync();
        // WGS84BoundingBox is mandatory (1..n) in 1.1.0: a layer without a computed extent claims the whole world.
        var box = layer.GeographicExtent.IsNull ? new NetTopologySuite.Geometries.Envelope(-180, 180, -90, 90) : layer.GeographicExtent;
        await xml.WriteStartElementAsync("ows", "WGS84BoundingBox", OwsNs);
        await Ows(xml, "LowerCorner", KvpParsers.Format(box.MinX) + " " + KvpParsers.Format(box.MinY));
        await Ows(xml, "UpperCorner", KvpParsers.Format(box.MaxX) + " " + KvpParsers.Format(box.MaxY));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task FilterCapabilitiesAsync(XmlWriter xml)
    {
        await xml.WriteStartElementAsync("ogc", "Filter_Capabilities", OgcNs);
        await xml.WriteStartElementAsync("ogc", "Spatial_Capabilities", OgcNs);
        await xml.WriteStartElementAsync("ogc", "GeometryOperands", OgcNs);
        foreach (var operand in new[] { "gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon" })
            await Ogc(xml, "GeometryOperand", operand);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("ogc", "SpatialOperators", OgcNs);
        foreach (var name in WfsFilterCapabilitiesWriter.SpatialOperators)
        {
            await xml.WriteStartElementAsync("ogc", "SpatialOperator", OgcNs);
            await xml.WriteAttributeStringAsync(null, "name", null, name);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("ogc", "Scalar_Capabilities", OgcNs);
        await xml.WriteElementStringAsync("ogc", "LogicalOperators", OgcNs, "");
        await xml.WriteStartElementAsync("ogc", "ComparisonOperators", OgcNs);
        foreach (var name in new[] { "LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "EqualTo", "NotEqualTo", "Like", "Between", "NullCheck" })
            await Ogc(xml, "ComparisonOperator", name);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("ogc", "ArithmeticOperators", OgcNs);
        await xml.WriteElementStringAsync("ogc", "SimpleArithmetic", OgcNs, "");
        await xml.WriteStartElementAsync("ogc", "Functions", OgcNs);
        await xml.WriteStartElementAsync("ogc", "FunctionNames", OgcNs);
        foreach (var (name, arguments) in new[] { ("strToUpperCase", "1"), ("strToLowerCase", "1"), ("strLength", "1"), ("Concatenate", "2") })
        {
            await xml.WriteStartElementAsync("ogc", "FunctionName", OgcNs);
            await xml.WriteAttributeStringAsync(null, "nArgs", null, arguments);
            await xml.WriteStringAsync(name);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("ogc", "Id_Capabilities", OgcNs);
        await xml.WriteElementStringAsync("ogc", "FID", OgcNs, "");
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static Task Ows(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("ows", name, OwsNs, value);

    private static Task Wfs(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("wfs", name, WfsNs, value);

    private static Task Ogc(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("ogc", name, OgcNs, value);
}
