using System.Xml.Linq;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// Reads a POSTed <c>wfs:GetFeature</c> / <c>wfs:GetPropertyValue</c> (WFS 2.0 or 1.1; the dispatcher has already
/// parsed the body with DTDs and external entities off): attributes count/maxFeatures, startIndex, resultType,
/// outputFormat, valueReference; one <c>wfs:Query</c> (typeNames/typeName, srsName, PropertyName, Filter, SortBy) or
/// one <c>wfs:StoredQuery</c> (GetFeatureById with its ID parameter). Several queries in one request are not supported.
/// </summary>
public static class WfsXmlQueryReader
{
    public static WfsQueryText Read(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new WfsQueryText
        {
            Count = Attribute(root, "count") ?? Attribute(root, "maxFeatures"),
            StartIndex = Attribute(root, "startIndex"),
            ResultType = Attribute(root, "resultType"),
            OutputFormat = Attribute(root, "outputFormat"),
            ValueReference = Attribute(root, "valueReference"),
        };
        var queries = root.Elements().Where(e => e.Name.LocalName is "Query" or "StoredQuery").ToList();
        if (queries.Count == 0)
            throw new ServiceException(ErrorKind.MissingParameter, "MissingParameterValue", $"{root.Name.LocalName} holds no wfs:Query.", "Query");
        if (queries.Count > 1)
            throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported", "Only one query per request is supported.", "Query");

        var query = queries[0];
        if (query.Name.LocalName == "StoredQuery")
        {
            var id = query.Elements().FirstOrDefault(p => p.Name.LocalName == "Parameter"
                && string.Equals(Attribute(p, "name"), "ID", StringComparison.OrdinalIgnoreCase));
            return text with { StoredQueryId = Attribute(query, "id") ?? "", StoredQueryFeatureId = id?.Value.Trim(), NamespaceOfPrefix = Prefixes(query) };
        }

        var propertyNames = query.Elements().Where(e => e.Name.LocalName == "PropertyName").Select(e => e.Value.Trim()).ToList();
        return text with
        {
            TypeNames = Attribute(query, "typeNames") ?? Attribute(query, "typeName"),
            SrsName = Attribute(query, "srsName"),
            FilterElement = query.Elements().FirstOrDefault(e => e.Name.LocalName == "Filter"),
            SortByElement = query.Elements().FirstOrDefault(e => e.Name.LocalName == "SortBy"),
            PropertyNames = propertyNames.Count > 0 ? propertyNames : null,
            NamespaceOfPrefix = Prefixes(query),
        };
    }

    private static Func<string, string?> Prefixes(XElement scope) => prefix => scope.GetNamespaceOfPrefix(prefix)?.NamespaceName;

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value;
}
