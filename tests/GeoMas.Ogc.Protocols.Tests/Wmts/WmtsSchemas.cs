using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>Offline validation against the local WMTS 1.0 and OWS 1.1 schemas (same URL → file mapping as <see cref="SchemaFiles"/>).</summary>
public static class WmtsSchemas
{
    private static readonly Lazy<XmlSchemaSet> CapabilitiesLazy = new(() => Load("http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd"));
    private static readonly Lazy<XmlSchemaSet> ExceptionLazy = new(() => Load("http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"));

    public static IReadOnlyList<string> ValidateCapabilities(string xml) => Validate(xml, CapabilitiesLazy.Value);

    public static IReadOnlyList<string> ValidateException(string xml) => Validate(xml, ExceptionLazy.Value);

    private static IReadOnlyList<string> Validate(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load(string url)
    {
        var resolver = new LocalResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        using var stream = File.OpenRead(SchemaFiles.LocalPath(url));
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver }, url);
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    private sealed class LocalResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(absoluteUri.IsFile ? absoluteUri.LocalPath : SchemaFiles.LocalPath(absoluteUri.AbsoluteUri));
    }
}
