using System.Xml;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>
/// application/vnd.ogc.gml (GML 2) and application/vnd.ogc.gml/3.1.1 (GML 3): a wfs:FeatureCollection of
/// gml:featureMember elements named after the layer in the geomas namespace, as GeoServer answers, which QGIS
/// and OWSLib read. Attribute names are XML-encoded when they are not valid element names.
/// </summary>
public sealed class GmlFeatureInfoEncoder(GmlVersion version) : IFeatureInfoEncoder
{
    public const string FeatureNamespace = "http://geomas.org/ogc";
    private const string WfsNamespace = "http://www.opengis.net/wfs";

    public string MimeType => version == GmlVersion.Gml2 ? "application/vnd.ogc.gml" : "application/vnd.ogc.gml/3.1.1";
    public string ContentType => MimeType + "; charset=utf-8";

    public async Task WriteAsync(IReadOnlyList<FeatureInfoResult> results, int srid, Stream output, CancellationToken cancellationToken)
    {
        var geometryWriter = new GmlGeometryWriter(version, srid);
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("wfs", "FeatureCollection", WfsNamespace);
        await xml.WriteAttributeStringAsync("xmlns", "gml", null, GmlGeometryWriter.GmlNamespace);
        await xml.WriteAttributeStringAsync("xmlns", "geomas", null, FeatureNamespace);
        foreach (var result in results)
        {
            var typeName = XmlConvert.EncodeLocalName(result.Layer.Id) ?? result.Layer.Id;
            var geometryName = XmlConvert.EncodeLocalName(result.Layer.GeometryColumn) ?? result.Layer.GeometryColumn;
            var propertyNames = result.Properties.Select(p => XmlConvert.EncodeLocalName(p) ?? p).ToArray();
            foreach (var feature in result.Features)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await xml.WriteStartElementAsync("gml", "featureMember", GmlGeometryWriter.GmlNamespace);
                await xml.WriteStartElementAsync("geomas", typeName, FeatureNamespace);
                var fid = result.Layer.Id + "." + feature.Id;
                if (version == GmlVersion.Gml2)
                    await xml.WriteAttributeStringAsync(null, "fid", null, fid);
                else
                    await xml.WriteAttributeStringAsync("gml", "id", GmlGeometryWriter.GmlNamespace, fid);
                if (feature.Geometry is { IsEmpty: false } geometry)
                {
                    await xml.WriteStartElementAsync("geomas", geometryName, FeatureNamespace);
                    await geometryWriter.WriteAsync(xml, geometry);
                    await xml.WriteEndElementAsync();
                }
                for (var i = 0; i < propertyNames.Length && i < feature.Values.Length; i++)
                {
                    if (FeatureValueFormatter.Format(feature.Values[i]) is { } value)
                        await xml.WriteElementStringAsync("geomas", propertyNames[i], FeatureNamespace, value);
                }
                await xml.WriteEndElementAsync();
                await xml.WriteEndElementAsync();
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }
}
