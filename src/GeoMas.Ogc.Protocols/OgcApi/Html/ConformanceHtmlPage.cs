using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary><c>/conformance?f=html</c>: the declared conformance classes, each a link to its definition.</summary>
public static class ConformanceHtmlPage
{
    public static async Task WriteAsync(HttpContext context, OgcApiServices services, IReadOnlyList<OgcApiLink> links)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = HtmlPage.Start(context, services, "Conformance classes", [HtmlPage.Home(services)], links);
        html.Markup("<p>This server declares that it implements these requirement classes of the OGC API and CQL2 standards.</p>\n<ul class=\"conformance\">\n");
        foreach (var uri in OgcApiConformance.Classes)
            html.Markup("<li>").Link(uri, uri).Markup("</li>\n");
        html.Markup("</ul>\n");
        await HtmlPage.EndAsync(html, links, context.RequestAborted);
    }
}
