using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary><c>/collections?f=html</c> (a table of the collections) and <c>/collections/{id}?f=html</c> (one collection).</summary>
public static class CollectionsHtmlPage
{
    public static async Task WriteListAsync(HttpContext context, OgcApiServices services, IReadOnlyList<OgcApiLink> links)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var html = HtmlPage.Start(context, services, "Feature collections", [HtmlPage.Home(services)], links);
        html.Markup("<table class=\"data\">\n<caption>The collections of this service</caption>\n<thead><tr>")
            .Markup("<th scope=\"col\">Collection</th><th scope=\"col\">Identifier</th><th scope=\"col\">Description</th><th scope=\"col\">Features</th>")
            .Markup("</tr></thead>\n<tbody>\n");
        foreach (var layer in services.Collections)
        {
            var url = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
            html.Markup("<tr><th scope=\"row\">").Link(url + "?f=html", layer.Title).Markup("</th><td><code>").Text(layer.Id)
                .Markup("</code></td><td>").Text(layer.Abstract).Markup("</td><td>")
                .Link(url + "/items?f=html", "Browse").Markup("</td></tr>\n");
        }
        html.Markup("</tbody>\n</table>\n");
        HtmlQgisSection.Write(html, services);
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }

    public static async Task WriteOneAsync(HttpContext context, OgcApiServices services, LayerDefinition layer, IReadOnlyList<OgcApiLink> links)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        var url = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
        var html = HtmlPage.Start(context, services, layer.Title, [HtmlPage.Home(services), HtmlPage.CollectionsCrumb(services)], links);
        html.Markup("<p class=\"description\">").Text(layer.Abstract).Markup("</p>\n<p>")
            .Link(url + "/items?f=html", "Browse the features").Markup(" · ")
            .Link(url + "/queryables?f=html", "Queryable properties").Markup("</p>\n");

        html.Markup("<section aria-labelledby=\"about\">\n<h2 id=\"about\">About this collection</h2>\n<dl class=\"facts\">\n")
            .Markup("<dt>Identifier</dt><dd><code>").Text(layer.Id).Markup("</code></dd>\n");
        if (layer.Keywords.Count > 0)
            html.Markup("<dt>Keywords</dt><dd>").Text(string.Join(", ", layer.Keywords)).Markup("</dd>\n");
        if (!layer.GeographicExtent.IsNull)
        {
            var box = layer.GeographicExtent;
            html.Markup("<dt>Extent (longitude, latitude)</dt><dd>").Text(string.Create(CultureInfo.InvariantCulture,
                $"{box.MinX:0.#####}, {box.MinY:0.#####} to {box.MaxX:0.#####}, {box.MaxY:0.#####}")).Markup("</dd>\n");
        }
        if (layer.Time?.Min is { } first)
            html.Markup("<dt>Valid from</dt><dd>").Text(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Markup(" (without a date, the versions in force today are shown)</dd>\n");
        html.Markup("<dt>Storage CRS</dt><dd><code>").Text(OgcApiCrs.StorageCrsUri(layer)).Markup("</code></dd>\n</dl>\n</section>\n");

        html.Markup("<section aria-labelledby=\"attributes\">\n<h2 id=\"attributes\">Attributes</h2>\n<table class=\"data\">\n")
            .Markup("<caption>Published attributes of ").Text(layer.Title).Markup("</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Title</th><th scope=\"col\">Type</th></tr></thead>\n<tbody>\n");
        foreach (var attribute in layer.Attributes)
        {
            html.Markup("<tr><th scope=\"row\"><code>").Text(attribute.Name).Markup("</code></th><td>").Text(attribute.Title)
                .Markup("</td><td>").Text(attribute.Type.ToString().ToLowerInvariant()).Markup("</td></tr>\n");
        }
        html.Markup("</tbody>\n</table>\n</section>\n");
        HtmlDownloadSection.Write(html, services, url + "/items", null, "Download the whole collection");
        HtmlQgisSection.Write(html, services, layer);
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }
}
