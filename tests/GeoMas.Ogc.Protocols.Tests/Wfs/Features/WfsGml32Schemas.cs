using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Wfs;

namespace GeoMas.Ogc.Protocols.Tests.Wfs.Features;

/// <summary>
/// Offline validation of GetFeature answers against WFS 2.0 + GML 3.2.1 (local copies, as <see cref="SchemaFiles"/>
/// maps them) and the application schema DescribeFeatureType serves for the feature types.
/// </summary>
public static class WfsGml32Schemas
{
    public static async Task<IReadOnlyList<string>> ValidateAsync(string xml, IEnumerable<LayerDefinition> featureTypes)
    {
        var resolver = new LocalResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        Add(set, resolver, File.OpenRead(SchemaFiles.LocalPath("http://schemas.opengis.net/wfs/2.0/wfs.xsd")), "http://schemas.opengis.net/wfs/2.0/wfs.xsd");
        var application = new MemoryStream();
        await new WfsSchemaWriter(gml32: true).WriteAsync(application, featureTypes, CancellationToken.None);
        application.Position = 0;
        Add(set, resolver, application, "http://localhost/wfs/describeFeatureType.xsd");
        set.Compile();

        var errors = new List<string>();
        XDocument.Parse(xml).Validate(set, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static void Add(XmlSchemaSet set, XmlResolver resolver, Stream stream, string baseUri)
    {
        using (stream)
        using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver }, baseUri))
            set.Add(null, reader);
    }

    private sealed class LocalResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(absoluteUri.IsFile ? absoluteUri.LocalPath : SchemaFiles.LocalPath(absoluteUri.AbsoluteUri));
    }
}
