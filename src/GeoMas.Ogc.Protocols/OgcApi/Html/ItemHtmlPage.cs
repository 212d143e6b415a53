using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary><c>/collections/{id}/items/{featureId}?f=html</c>: one feature's attributes as a table and its map.</summary>
public static class ItemHtmlPage
{
    /// <param name="names">Attribute names aligned with the feature's values.</param>
    public static async Task WriteAsync(HttpContext context, OgcApiServices services, LayerDefinition layer, Feature feature,
        IReadOnlyList<string> names, IReadOnlyList<OgcApiLink> links)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(names);
        var collectionUrl = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
        var itemUrl = collectionUrl + "/items/" + Uri.EscapeDataString(feature.Id);
        var html = HtmlPage.Start(context, services, layer.Title + " " + feature.Id,
            [HtmlPage.Home(services), HtmlPage.CollectionsCrumb(services), (collectionUrl + "?f=html", layer.Title), (collectionUrl + "/items?f=html", "Features")],
            links, withMap: true);
        HtmlMapSection.Write(html, services, layer, itemUrl + "?f=geojson", "Map of this feature");

        html.Markup("<table class=\"data\" id=\"feature\">\n<caption>Attributes of ").Text(layer.Title).Markup(" ").Text(feature.Id)
            .Markup("</caption>\n<thead><tr><th scope=\"col\">Attribute</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < names.Count; i++)
        {
            var title = layer.FindAttribute(names[i])?.Title;
            html.Markup("<tr><th scope=\"row\">").Text(title ?? names[i]).Markup(" <code>").Text(names[i]).Markup("</code></th><td>")
                .Text(i < feature.Values.Length ? FeatureValueFormatter.Format(feature.Values[i]) : null).Markup("</td></tr>\n");
        }
        html.Markup("</tbody>\n</table>\n");
        HtmlQgisSection.Write(html, services, layer);
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }
}
