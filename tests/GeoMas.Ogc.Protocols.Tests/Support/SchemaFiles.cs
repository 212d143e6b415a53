using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace GeoMas.Ogc.Protocols.Tests.Support;

/// <summary>
/// Offline validation against the OGC schemas in ../shared/schemas (found by walking up to GeoMas.Ogc.sln):
/// schemas.opengis.net and w3.org URLs are mapped to the local copies, as the XML catalog there does.
/// </summary>
public static class SchemaFiles
{
    private static readonly Lazy<string> SolutionDirLazy = new(FindSolutionDir);
    private static readonly Lazy<XmlSchemaSet> Capabilities130Lazy = new(() => Load(
        "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd",
        "http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd"));
    private static readonly Lazy<XmlSchemaSet> Exceptions130Lazy = new(() => Load("http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd"));

    public static string Root => Path.GetFullPath(Path.Combine(SolutionDirLazy.Value, "..", "shared", "schemas"));

    /// <summary>Validates against WMS 1.3.0 capabilities (+ SLD capabilities); returns every error (empty = valid).</summary>
    public static IReadOnlyList<string> ValidateCapabilities130(string xml) => Validate(xml, Capabilities130Lazy.Value);

    public static IReadOnlyList<string> ValidateExceptions130(string xml) => Validate(xml, Exceptions130Lazy.Value);

    /// <summary>DTD validation through the DOCTYPE system id (WMS 1.1.1 capabilities and exceptions).</summary>
    public static IReadOnlyList<string> ValidateWithDtd(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            ValidationType = ValidationType.DTD,
            XmlResolver = new LocalResolver(),
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings, "http://localhost/doc.xml");
        while (reader.Read())
        {
        }
        return errors;
    }

    private static IReadOnlyList<string> Validate(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        var document = XDocument.Parse(xml);
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load(params string[] urls)
    {
        var set = new XmlSchemaSet { XmlResolver = new LocalResolver() };
        foreach (var url in urls)
        {
            using var stream = File.OpenRead(LocalPath(url));
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new LocalResolver() }, url);
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    internal static string LocalPath(string url)
    {
        foreach (var (prefix, folder) in new[]
                 {
                     ("http://schemas.opengis.net/", "ogc/"), ("https://schemas.opengis.net/", "ogc/"),
                     ("http://www.w3.org/1999/", "w3c/1999/"), ("http://www.w3.org/2001/", "w3c/2001/"),
                 })
        {
            if (url.StartsWith(prefix, StringComparison.Ordinal))
                return Path.Combine(Root, folder + url[prefix.Length..]);
        }
        throw new InvalidOperationException($"No local copy for {url} (tests never go to the network).");
    }

    /// <summary>A data file of this test project, read from the source tree (test case = data file).</summary>
    public static string TestFile(string relative) =>
        Path.Combine(SolutionDirLazy.Value, "tests", "GeoMas.Ogc.Protocols.Tests", relative);

    private static string FindSolutionDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoMas.Ogc.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GeoMas.Ogc.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class LocalResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(absoluteUri.IsFile ? absoluteUri.LocalPath : LocalPath(absoluteUri.AbsoluteUri));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            var resolved = base.ResolveUri(baseUri, relativeUri);
            return resolved;
        }
    }
}
