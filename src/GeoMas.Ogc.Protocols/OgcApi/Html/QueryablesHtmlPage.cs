using GeoMas.Ogc.Core.Catalog;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary><c>/collections/{id}/queryables?f=html</c>: the properties filters may use, with their types.</summary>
public static class QueryablesHtmlPage
{
    public static async Task WriteAsync(HttpContext context, OgcApiServices services, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        var collectionUrl = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
        var url = collectionUrl + "/queryables";
        IReadOnlyList<OgcApiLink> links =
        [
            new(url + "?f=html", "self", OgcApiMediaTypes.Html, "Queryables"),
            new(url + "?f=json", "alternate", OgcApiMediaTypes.JsonSchema, "Queryables (JSON Schema)"),
        ];
        var html = HtmlPage.Start(context, services, layer.Title + " – queryables",
            [HtmlPage.Home(services), HtmlPage.CollectionsCrumb(services), (collectionUrl + "?f=html", layer.Title)], links);
        html.Markup("<p>These properties can be used in <code>filter</code> (CQL2 text or JSON); the non-spatial ones also as query parameters of the items (exact match).</p>\n")
            .Markup("<table class=\"data\">\n<caption>Queryable properties of ").Text(layer.Title)
            .Markup("</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Title</th><th scope=\"col\">Type</th></tr></thead>\n<tbody>\n");
        foreach (var queryable in OgcApiQueryables.For(layer))
        {
            var (title, type) = queryable.Attribute is { } attribute
                ? (attribute.Title ?? attribute.Name, OgcApiQueryables.JsonType(attribute.Type).Type)
                : ("Geometry", OgcApiQueryables.GeometryFormat(layer.GeometryKind));
            html.Markup("<tr><th scope=\"row\"><code>").Text(queryable.Name).Markup("</code></th><td>").Text(title)
                .Markup("</td><td>").Text(type).Markup("</td></tr>\n");
        }
        html.Markup("</tbody>\n</table>\n");
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }
}
