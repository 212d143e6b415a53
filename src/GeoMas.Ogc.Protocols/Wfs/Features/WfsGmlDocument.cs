using System.Globalization;
using System.Xml;
using GeoMas.Ogc.Protocols.Encoding.Gml;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// The WFS framing of GML responses: <c>wfs:FeatureCollection</c> (2.0: timeStamp, numberMatched, numberReturned,
/// next, previous, members in <c>wfs:member</c>; 1.1: numberOfFeatures, <c>gml:featureMember</c>),
/// <c>wfs:ValueCollection</c> (GetPropertyValue) and the namespace declarations and schemaLocation that make each
/// document valid on its own (WFS-Q1): the WFS and GML schemas plus the DescribeFeatureType URL of the type.
/// </summary>
public sealed class WfsGmlDocument
{
    public const string Wfs20 = "http://www.opengis.net/wfs/2.0";
    public const string Wfs11 = "http://www.opengis.net/wfs";

    private readonly WfsGetFeatureRequest _request;
    private readonly string _describeFeatureTypeUrl;

    public WfsGmlDocument(WfsGetFeatureRequest request, string endpointUrl)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        GmlNamespace = request.IsV110 ? GmlNamespaces.Gml31 : GmlNamespaces.Gml32;
        WfsNamespace = request.IsV110 ? Wfs11 : Wfs20;
        _describeFeatureTypeUrl = endpointUrl + "?SERVICE=WFS&VERSION=" + request.Version + "&REQUEST=DescribeFeatureType&"
            + (request.IsV110 ? "TYPENAME=" : "TYPENAMES=") + GmlNamespaces.AppPrefix + ":" + request.Layer.Id;
        var geometry = new Gml3GeometryWriter(GmlNamespace, request.OutputCrs.Original, request.OutputAxisOrder, writeIds: !request.IsV110);
        FeatureWriter = new GmlFeatureWriter(
            GmlFeatureLayout.For(request.Layer, GmlNamespace, request.Query.IncludeGeometry, request.Properties), geometry);
        GeometryWriter = geometry;
    }

    public string GmlNamespace { get; }
    public string WfsNamespace { get; }
    public GmlFeatureWriter FeatureWriter { get; }
    public Gml3GeometryWriter GeometryWriter { get; }

    /// <summary>The element that holds one feature (or value) of a collection.</summary>
    public void StartMember(XmlWriter xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (_request.IsV110)
            xml.WriteStartElement("gml", "featureMember", GmlNamespace);
        else
            xml.WriteStartElement("wfs", "member", WfsNamespace);
    }

    /// <summary>Opens <c>wfs:FeatureCollection</c> (or <c>wfs:ValueCollection</c>) with its response parameters.</summary>
    public void StartCollection(XmlWriter xml, DateTimeOffset timeStamp, long? numberMatched, long numberReturned,
        string? next, string? previous, bool values = false)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.WriteStartDocument();
        xml.WriteStartElement("wfs", values ? "ValueCollection" : "FeatureCollection", WfsNamespace);
        Declarations(xml);
        var time = timeStamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (_request.IsV110)
        {
            xml.WriteAttributeString("numberOfFeatures", numberReturned.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("timeStamp", time);
            return;
        }
        xml.WriteAttributeString("timeStamp", time);
        xml.WriteAttributeString("numberMatched", numberMatched?.ToString(CultureInfo.InvariantCulture) ?? "unknown");
        xml.WriteAttributeString("numberReturned", numberReturned.ToString(CultureInfo.InvariantCulture));
        if (next is not null)
            xml.WriteAttributeString("next", next);
        if (previous is not null)
            xml.WriteAttributeString("previous", previous);
    }

    /// <summary>Namespace declarations and schemaLocation on the root (collection or bare feature).</summary>
    public void Declarations(XmlWriter xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.WriteAttributeString("xmlns", "wfs", null, WfsNamespace);
        xml.WriteAttributeString("xmlns", "gml", null, GmlNamespace);
        xml.WriteAttributeString("xmlns", GmlNamespaces.AppPrefix, null, GmlNamespaces.App);
        xml.WriteAttributeString("xmlns", "xsi", null, GmlNamespaces.Xsi);
        var wfsSchema = _request.IsV110 ? "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd" : "http://schemas.opengis.net/wfs/2.0/wfs.xsd";
        var gmlSchema = _request.IsV110 ? "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd" : "http://schemas.opengis.net/gml/3.2.1/gml.xsd";
        xml.WriteAttributeString("xsi", "schemaLocation", GmlNamespaces.Xsi,
            $"{WfsNamespace} {wfsSchema} {GmlNamespace} {gmlSchema} {GmlNamespaces.App} {_describeFeatureTypeUrl}");
    }
}
