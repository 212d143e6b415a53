using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>
/// Offline validation against the local WFS 2.0 / FES 2.0 / GML 3.2.1 / OWS 1.1 schemas (the URL → file mapping of
/// <see cref="SchemaFiles"/>), and compilation of DescribeFeatureType output as a schema of its own.
/// </summary>
public static class WfsSchemas
{
    private static readonly Lazy<XmlSchemaSet> Wfs20Lazy = new(() => Load("http://schemas.opengis.net/wfs/2.0/wfs.xsd"));
    private static readonly Lazy<XmlSchemaSet> Ows11ExceptionLazy = new(() => Load("http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"));

    /// <summary>Validates a WFS 2.0 document (capabilities, stored query responses); returns every error.</summary>
    public static IReadOnlyList<string> ValidateWfs20(string xml) => Validate(xml, Wfs20Lazy.Value);

    /// <summary>Fails with every error listed (Assert.Empty would show only the first, truncated).</summary>
    public static void AssertNoErrors(IReadOnlyList<string> errors) => Assert.True(errors.Count == 0, string.Join("\n", errors));

    public static IReadOnlyList<string> ValidateOws11Exception(string xml) => Validate(xml, Ows11ExceptionLazy.Value);

    /// <summary>
    /// Compiles a DescribeFeatureType answer as a schema (its gml import resolved offline) and returns the set, or the
    /// compile errors. GML 3.1.1 is imported through its base/gml.xsd, which the local copy has.
    /// </summary>
    public static (XmlSchemaSet? Set, IReadOnlyList<string> Errors) CompileApplicationSchema(string xsd)
    {
        var errors = new List<string>();
        var resolver = new LocalResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        set.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xsd), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver },
            "http://localhost/wfs/DescribeFeatureType.xsd");
        set.Add(null, reader);
        set.Compile();
        return (errors.Count == 0 ? set : null, errors);
    }

    public static IReadOnlyList<string> Validate(string xml, XmlSchemaSet schemas)
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
