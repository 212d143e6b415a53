using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>The landing page (<c>/?f=html</c>): what the service is, where its data and definition are, QGIS URLs.</summary>
public static class LandingHtmlPage
{
    public static async Task WriteAsync(HttpContext context, OgcApiServices services, IReadOnlyList<OgcApiLink> links)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var service = services.Snapshot.Service;
        var html = HtmlPage.Start(context, services, service.Title, [], links);
        html.Markup("<p class=\"description\">").Text(service.Abstract).Markup("</p>\n")
            .Markup("<section aria-labelledby=\"start\">\n<h2 id=\"start\">Start here</h2>\n<ul class=\"resources\">\n<li>")
            .Link(services.Url(OgcApiEndpoints.CollectionsPath) + "?f=html", "Feature collections").Markup(": the layers, their features and downloads</li>\n<li>")
            .Link(services.Url(OgcApiEndpoints.ApiPath), "API definition (OpenAPI 3.0, JSON)", OgcApiMediaTypes.OpenApi30, "service-desc").Markup("</li>\n<li>")
            .Link(services.Url(OgcApiEndpoints.ConformancePath) + "?f=html", "Conformance classes").Markup(": the standards this server implements</li>\n</ul>\n</section>\n");
        html.Markup("<section aria-labelledby=\"collections\">\n<h2 id=\"collections\">Collections</h2>\n<ul>\n");
        foreach (var layer in services.Collections)
        {
            html.Markup("<li>").Link(services.Url(OgcApiEndpoints.CollectionPath(layer.Id)) + "?f=html", layer.Title)
                .Markup(" (<code>").Text(layer.Id).Markup("</code>)</li>\n");
        }
        html.Markup("</ul>\n</section>\n");
        HtmlQgisSection.Write(html, services);
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }
}
