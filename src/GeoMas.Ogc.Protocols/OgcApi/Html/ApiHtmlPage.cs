using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// <c>/api?f=html</c>, the landing page's <c>service-doc</c>: the API's resources in words, per collection, with
/// a link to the machine-readable OpenAPI 3.0 document.
/// </summary>
public static class ApiHtmlPage
{
    public static async Task WriteAsync(HttpContext context, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var apiUrl = services.Url(OgcApiEndpoints.ApiPath);
        IReadOnlyList<OgcApiLink> links =
        [
            new(apiUrl + "?f=html", "self", OgcApiMediaTypes.Html, "API documentation"),
            new(apiUrl + "?f=json", "alternate", OgcApiMediaTypes.OpenApi30, "API definition (OpenAPI 3.0)"),
        ];
        var html = HtmlPage.Start(context, services, "API documentation", [HtmlPage.Home(services)], links);
        html.Markup("<p>The machine-readable definition is the ")
            .Link(apiUrl + "?f=json", "OpenAPI 3.0 document", OgcApiMediaTypes.OpenApi30, "service-desc")
            .Markup(". Every resource answers <code>f=json</code> (or <code>geojson</code> for features) and <code>f=html</code>; ")
            .Markup("the <code>Accept</code> header works too.</p>\n<table class=\"data\">\n<caption>Resources</caption>\n")
            .Markup("<thead><tr><th scope=\"col\">Path</th><th scope=\"col\">What it returns</th></tr></thead>\n<tbody>\n");
        Row(html, OgcApiEndpoints.LandingPath, "Landing page");
        Row(html, OgcApiEndpoints.ConformancePath, "Conformance classes");
        Row(html, OgcApiEndpoints.CollectionsPath, "Feature collections");
        foreach (var layer in services.Collections)
        {
            var path = OgcApiEndpoints.CollectionPath(layer.Id);
            Row(html, path, "Description of " + layer.Title);
            Row(html, path + "/items", "Features of " + layer.Title
                + ": limit, offset, bbox, bbox-crs, datetime, crs, properties, sortby, filter (CQL2), queryables; f=csv or f=fgb downloads the selection");
            Row(html, path + "/items/{featureId}", "One feature of " + layer.Title);
            Row(html, path + "/queryables", "Queryable properties of " + layer.Title);
        }
        html.Markup("</tbody>\n</table>\n");
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }

    private static void Row(HtmlWriter html, string path, string description) =>
        html.Markup("<tr><th scope=\"row\"><code>").Text(path).Markup("</code></th><td>").Text(description).Markup("</td></tr>\n");
}
