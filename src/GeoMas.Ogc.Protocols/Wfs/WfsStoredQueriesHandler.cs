using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// ListStoredQueries and DescribeStoredQueries (WFS 2.0 §14.3–14.4, WFS-O3) for the one stored query offered,
/// GetFeatureById, whose result may be any published feature type. DescribeStoredQueries accepts both spellings of
/// its id (STOREDQUERY_ID, comma-separated; POST: wfs:StoredQueryId) and refuses others with InvalidParameterValue.
/// </summary>
public static class WfsStoredQueriesHandler
{
    public const string ContentType = "application/xml; charset=utf-8";
    private const string WfsNs = WfsRequestReader.Wfs20Namespace;
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";
    private const string QueryLanguage = "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression";

    public static async Task ListAsync(HttpContext context, CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = ContentType;
        await using var xml = Create(context.Response.Body);
        await StartAsync(xml, "ListStoredQueriesResponse");
        await xml.WriteStartElementAsync("wfs", "StoredQuery", WfsNs);
        await xml.WriteAttributeStringAsync(null, "id", null, WfsStoredQueries.GetFeatureById);
        await xml.WriteElementStringAsync("wfs", "Title", WfsNs, "Get feature by identifier");
        foreach (var layer in WfsFeatureTypes.All(snapshot))
            await xml.WriteElementStringAsync("wfs", "ReturnFeatureType", WfsNs, WfsFeatureTypes.QualifiedName(layer));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    public static async Task DescribeAsync(HttpContext context, WfsRequestInput input, CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ids = input.Xml is { } request
            ? request.Elements().Where(e => e.Name.LocalName == "StoredQueryId").Select(e => e.Value.Trim()).ToList()
            : (input.Kvp!.Get("STOREDQUERY_ID") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var id in ids.Where(id => !WfsStoredQueries.IsGetFeatureById(id)))
            throw ServiceException.Invalid("STOREDQUERY_ID", $"Unknown stored query '{id}' (offered: {WfsStoredQueries.GetFeatureById}).");

        context.Response.ContentType = ContentType;
        await using var xml = Create(context.Response.Body);
        await StartAsync(xml, "DescribeStoredQueriesResponse");
        await xml.WriteStartElementAsync("wfs", "StoredQueryDescription", WfsNs);
        // Echo the spelling asked for (the ETS looks the description up by the id it sent); none asked → the http form.
        await xml.WriteAttributeStringAsync(null, "id", null, ids.Count > 0 ? ids[0] : WfsStoredQueries.GetFeatureById);
        await xml.WriteElementStringAsync("wfs", "Title", WfsNs, "Get feature by identifier");
        await xml.WriteElementStringAsync("wfs", "Abstract", WfsNs,
            "Returns the single feature whose gml:id is the value of the id parameter (for example parcelles.05061000DS0074), as a bare feature element.");
        await xml.WriteStartElementAsync("wfs", "Parameter", WfsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, WfsStoredQueries.IdParameter);
        await xml.WriteAttributeStringAsync(null, "type", null, "xs:string");
        await xml.WriteElementStringAsync("wfs", "Title", WfsNs, "Identifier");
        await xml.WriteElementStringAsync("wfs", "Abstract", WfsNs, "The gml:id of the feature: <feature type>.<identifier>.");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("wfs", "QueryExpressionText", WfsNs);
        await xml.WriteAttributeStringAsync(null, "isPrivate", null, "true");
        await xml.WriteAttributeStringAsync(null, "language", null, QueryLanguage);
        await xml.WriteAttributeStringAsync(null, "returnFeatureTypes", null, string.Join(' ', WfsFeatureTypes.All(snapshot).Select(WfsFeatureTypes.QualifiedName)));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static XmlWriter Create(Stream output) =>
        XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });

    private static async Task StartAsync(XmlWriter xml, string root)
    {
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("wfs", root, WfsNs);
        await xml.WriteAttributeStringAsync("xmlns", "xs", null, "http://www.w3.org/2001/XMLSchema");
        await xml.WriteAttributeStringAsync("xmlns", WfsFeatureTypes.Prefix, null, WfsFeatureTypes.Namespace);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs, WfsNs + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
    }
}
