using System.Xml.Linq;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// DescribeFeatureType (WFS 2.0 §9, WFS-O2; WFS 1.1.0 §8): the XSD of the requested types, or of every type when
/// TYPENAMES (1.1.0: TYPENAME) is absent. OUTPUTFORMAT picks GML 3.2 (<c>application/gml+xml; version=3.2</c>,
/// <c>text/xml; subtype=gml/3.2</c>; the 2.0.0 default) or GML 3.1.1 (<c>text/xml; subtype=gml/3.1.1</c> or the
/// WFS 1.0 name <c>XMLSCHEMA</c>; the 1.1.0 default); anything else is InvalidParameterValue (locator outputFormat).
/// </summary>
public static class WfsDescribeFeatureTypeHandler
{
    public static async Task HandleAsync(HttpContext context, WfsRequestInput input, CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (layers, requestedFormat) = input.Xml is { } xml ? ReadXml(xml, snapshot) : ReadKvp(input, snapshot);
        var (format, gml32) = ResolveFormat(requestedFormat, input.Version);
        context.Response.ContentType = HeaderValue(format);
        await new WfsSchemaWriter(gml32).WriteAsync(context.Response.Body, layers, context.RequestAborted);
    }

    /// <summary>
    /// The Content-Type header of a format: a parameter value holding '/' must be quoted in HTTP (RFC 9110 §5.6.6), so
    /// <c>text/xml; subtype=gml/3.2</c> goes out as <c>text/xml; subtype="gml/3.2"</c>; strict clients (.NET's
    /// HttpClient) cannot read the unquoted form.
    /// </summary>
    public static string HeaderValue(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var parts = format.Split(';', StringSplitOptions.TrimEntries);
        for (var i = 1; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parts[i][(equals + 1)..].Contains('/', StringComparison.Ordinal) && !parts[i].EndsWith('"'))
                parts[i] = parts[i][..(equals + 1)] + "\"" + parts[i][(equals + 1)..] + "\"";
        }
        return string.Join("; ", parts) + "; charset=utf-8";
    }

    /// <summary>The MIME type answered and whether it is GML 3.2 (else GML 3.1.1).</summary>
    public static (string Format, bool Gml32) ResolveFormat(string? requested, string version)
    {
        if (string.IsNullOrWhiteSpace(requested))
            return version == WfsVersion.V110 ? (WfsOutputFormats.Gml311, false) : (WfsOutputFormats.Gml32, true);
        if (WfsOutputFormats.Find(requested, WfsOutputFormats.Schema20) is { } gml32)
            return (gml32, true);
        if (WfsOutputFormats.Matches(requested, WfsOutputFormats.Gml311) || requested.Trim().Equals("XMLSCHEMA", StringComparison.OrdinalIgnoreCase)
            || WfsOutputFormats.Matches(requested, "text/xml; subtype=gml/3.1"))
            return (WfsOutputFormats.Gml311, false);
        throw ServiceException.Invalid("outputFormat",
            $"outputFormat '{requested}' is not offered for DescribeFeatureType (offered: {string.Join(", ", WfsOutputFormats.Schema20.Concat(WfsOutputFormats.Schema110))}).");
    }

    private static (IReadOnlyList<LayerDefinition>, string?) ReadKvp(WfsRequestInput input, CatalogSnapshot snapshot)
    {
        var kvp = input.Kvp!;
        var namespaces = WfsFeatureTypes.ParseNamespaces(kvp.Get("NAMESPACES"));
        var locator = kvp.Has("TYPENAMES") ? "typeNames" : "typeName";
        var text = kvp.GetAny("TYPENAMES", "TYPENAME");
        var names = string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (Resolve(snapshot, names, prefix => namespaces.GetValueOrDefault(prefix), locator), kvp.Get("OUTPUTFORMAT"));
    }

    private static (IReadOnlyList<LayerDefinition>, string?) ReadXml(XElement request, CatalogSnapshot snapshot)
    {
        var names = request.Elements().Where(e => e.Name.LocalName == "TypeName").ToList();
        var layers = names.Count == 0
            ? WfsFeatureTypes.All(snapshot).ToList()
            : names.Select(e => WfsFeatureTypes.Resolve(snapshot, e.Value, prefix => e.GetNamespaceOfPrefix(prefix)?.NamespaceName, "typeName"))
                .Distinct().ToList();
        return (layers, (string?)request.Attribute("outputFormat"));
    }

    private static List<LayerDefinition> Resolve(CatalogSnapshot snapshot, IReadOnlyList<string> names, Func<string, string?> namespaceOfPrefix, string locator) =>
        names.Count == 0
            ? WfsFeatureTypes.All(snapshot).ToList()
            : names.Select(n => WfsFeatureTypes.Resolve(snapshot, n, namespaceOfPrefix, locator)).Distinct().ToList();
}
