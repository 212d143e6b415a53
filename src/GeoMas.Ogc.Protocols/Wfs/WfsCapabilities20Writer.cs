using System.Globalization;
using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Wms;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// WFS 2.0.0 capabilities (WFS-C1..C8, DECL-WFS1..3), streamed with an async XmlWriter, valid against wfs/2.0/wfs.xsd.
/// Declares the Simple + Basic conformance classes with result paging over KVP and XML (POST); transactions,
/// locking, joins, inheritance, remote resolve, versioning and stored-query management are FALSE (WFS-X4: the ETS
/// runs the transactional tests on whatever claims them).
/// </summary>
public sealed class WfsCapabilities20Writer(WfsCapabilitiesContext context)
{
    public const string ContentType = "text/xml; charset=utf-8";
    public const string WfsNs = WfsRequestReader.Wfs20Namespace;
    public const string GmlNs = "http://www.opengis.net/gml/3.2";
    private const string OwsNs = WfsExceptionReportWriter.Ows11;
    private const string FesNs = WfsFilterCapabilitiesWriter.FesNs;
    private const string XlinkNs = "http://www.w3.org/1999/xlink";
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";
    private const string XsNs = "http://www.w3.org/2001/XMLSchema";

    public static readonly string[] Operations =
        ["GetCapabilities", "DescribeFeatureType", "ListStoredQueries", "DescribeStoredQueries", "GetFeature", "GetPropertyValue"];

    private static readonly (string Name, bool Value)[] Conformance =
    [
        ("ImplementsBasicWFS", true),
        ("ImplementsTransactionalWFS", false),
        ("ImplementsLockingWFS", false),
        ("KVPEncoding", true),
        ("XMLEncoding", true),
        ("SOAPEncoding", false),
        ("ImplementsInheritance", false),
        ("ImplementsRemoteResolve", false),
        ("ImplementsResultPaging", true),
        ("ImplementsStandardJoins", false),
        ("ImplementsSpatialJoins", false),
        ("ImplementsTemporalJoins", false),
        ("ImplementsFeatureVersioning", false),
        ("ManageStoredQueries", false),
        ("PagingIsTransactionSafe", false),
    ];

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("wfs", "WFS_Capabilities", WfsNs);
        await xml.WriteAttributeStringAsync(null, "version", null, WfsVersion.V200);
        if (context.Snapshot.UpdateSequence.Length > 0)
            await xml.WriteAttributeStringAsync(null, "updateSequence", null, context.Snapshot.UpdateSequence);
        await xml.WriteAttributeStringAsync("xmlns", "ows", null, OwsNs);
        await xml.WriteAttributeStringAsync("xmlns", "fes", null, FesNs);
        await xml.WriteAttributeStringAsync("xmlns", "gml", null, GmlNs);
        await xml.WriteAttributeStringAsync("xmlns", "xlink", null, XlinkNs);
        await xml.WriteAttributeStringAsync("xmlns", "xs", null, XsNs);
        await xml.WriteAttributeStringAsync("xmlns", WfsFeatureTypes.Prefix, null, WfsFeatureTypes.Namespace);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs, WfsNs + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
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
            if (sections.HasFlag(WfsSections.Filter_Capabilities))
                await WfsFilterCapabilitiesWriter.WriteAsync(xml);
        }
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
        await KeywordsAsync(xml, "ows", OwsNs, service.Keywords);
        await Ows(xml, "ServiceType", "WFS");
        foreach (var version in WfsVersion.Supported)
            await Ows(xml, "ServiceTypeVersion", version);
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
        await OperationAsync(xml, "DescribeFeatureType", ("outputFormat", WfsOutputFormats.Schema20));
        await OperationAsync(xml, "ListStoredQueries");
        await OperationAsync(xml, "DescribeStoredQueries");
        await OperationAsync(xml, "GetFeature",
            ("outputFormat", WfsOutputFormats.Features20), ("resultType", ["results", "hits"]), ("resolve", ["none", "local"]));
        await OperationAsync(xml, "GetPropertyValue",
            ("outputFormat", [WfsOutputFormats.Gml32]), ("resultType", ["results", "hits"]), ("resolve", ["none", "local"]));

        await AllowedValuesAsync(xml, "Parameter", "version", WfsVersion.Supported);
        foreach (var (name, value) in Conformance)
            await NoValuesConstraintAsync(xml, name, value ? "TRUE" : "FALSE");
        await NoValuesConstraintAsync(xml, "CountDefault", WfsCountDefault.Of(context.Snapshot.Limits).ToString(CultureInfo.InvariantCulture));
        await AllowedValuesAsync(xml, "Constraint", "QueryExpressions", ["wfs:Query", "wfs:StoredQuery"]);
        await xml.WriteEndElementAsync();
    }

    private async Task OperationAsync(XmlWriter xml, string name, params (string Name, IReadOnlyList<string> Values)[] parameters)
    {
        await xml.WriteStartElementAsync("ows", "Operation", OwsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteStartElementAsync("ows", "DCP", OwsNs);
        await xml.WriteStartElementAsync("ows", "HTTP", OwsNs);
        await HrefAsync(xml, "Get");
        await HrefAsync(xml, "Post");
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        foreach (var (parameter, values) in parameters)
            await AllowedValuesAsync(xml, "Parameter", parameter, values);
        await xml.WriteEndElementAsync();
    }

    private async Task HrefAsync(XmlWriter xml, string method)
    {
        await xml.WriteStartElementAsync("ows", method, OwsNs);
        await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
        await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, context.ServiceUrl);
        await xml.WriteEndElementAsync();
    }

    private static async Task AllowedValuesAsync(XmlWriter xml, string element, string name, IEnumerable<string> values)
    {
        await xml.WriteStartElementAsync("ows", element, OwsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteStartElementAsync("ows", "AllowedValues", OwsNs);
        foreach (var value in values)
            await Ows(xml, "Value", value);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task NoValuesConstraintAsync(XmlWriter xml, string name, string value)
    {
        await xml.WriteStartElementAsync("ows", "Constraint", OwsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteElementStringAsync("ows", "NoValues", OwsNs, "");
        await Ows(xml, "DefaultValue", value);
        await xml.WriteEndElementAsync();
    }

    private async Task FeatureTypeListAsync(XmlWriter xml, CancellationToken cancellationToken)
    {
        await xml.WriteStartElementAsync("wfs", "FeatureTypeList", WfsNs);
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
        await KeywordsAsync(xml, "ows", OwsNs, layer.Keywords);
        var crs = context.CrsOf(layer);
        await Wfs(xml, "DefaultCRS", WfsCapabilitiesContext.Urn(crs[0]));
        foreach (var other in crs.Skip(1))
            await Wfs(xml, "OtherCRS", WfsCapabilitiesContext.Urn(other));
        await xml.WriteStartElementAsync("wfs", "OutputFormats", WfsNs);
        foreach (var format in WfsOutputFormats.Features20)
            await Wfs(xml, "Format", format);
        await xml.WriteEndElementAsync();
        if (!layer.GeographicExtent.IsNull)
        {
            var box = layer.GeographicExtent;
            await xml.WriteStartElementAsync("ows", "WGS84BoundingBox", OwsNs);
            await Ows(xml, "LowerCorner", KvpParsers.Format(box.MinX) + " " + KvpParsers.Format(box.MinY));
            await Ows(xml, "UpperCorner", KvpParsers.Format(box.MaxX) + " " + KvpParsers.Format(box.MaxY));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    internal static async Task KeywordsAsync(XmlWriter xml, string prefix, string ns, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0)
            return;
        await xml.WriteStartElementAsync(prefix, "Keywords", ns);
        foreach (var keyword in keywords)
            await xml.WriteElementStringAsync(prefix, "Keyword", ns, keyword);
        await xml.WriteEndElementAsync();
    }

    private static Task Ows(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("ows", name, OwsNs, value);

    private static Task Wfs(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("wfs", name, WfsNs, value);
}
