using System.Xml.Linq;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// The query parameters of GetFeature / GetPropertyValue as the client wrote them, from either encoding (KVP or XML),
/// before anything is checked against the catalog. Filters and sort specifications come as XML text (KVP) or as
/// elements already parsed safely by the dispatcher (POST).
/// </summary>
public sealed record WfsQueryText
{
    public string? TypeNames { get; init; }
    public string? SrsName { get; init; }
    public string? Bbox { get; init; }
    public string? Filter { get; init; }
    public XElement? FilterElement { get; init; }
    public string? FilterLanguage { get; init; }
    public string? ResourceIds { get; init; }
    public string? SortBy { get; init; }
    public XElement? SortByElement { get; init; }
    public IReadOnlyList<string>? PropertyNames { get; init; }
    public string? Count { get; init; }
    public string? StartIndex { get; init; }
    public string? ResultType { get; init; }
    public string? OutputFormat { get; init; }
    public string? StoredQueryId { get; init; }
    /// <summary>The ID parameter of the GetFeatureById stored query.</summary>
    public string? StoredQueryFeatureId { get; init; }
    public string? ValueReference { get; init; }

    /// <summary>Namespace URI of a prefix used in type names (KVP NAMESPACES, or the XML's in-scope declarations).</summary>
    public Func<string, string?>? NamespaceOfPrefix { get; init; }
}
