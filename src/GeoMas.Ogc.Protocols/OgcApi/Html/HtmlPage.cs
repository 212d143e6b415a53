using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// The frame every OGC API HTML page shares (OAF-13, html requirement class): an HTML5 document in English with a
/// title, the page's other representations as <c>&lt;link rel="alternate"&gt;</c>, a breadcrumb, one <c>h1</c>, a
/// <c>main</c> landmark and a footer listing the same alternates as visible links. Assets come from this server
/// (<see cref="HtmlAssets"/>), never from a CDN.
/// </summary>
public static class HtmlPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>Sends the status line and writes the page up to the opening of <c>main</c> and the <c>h1</c>.</summary>
    /// <param name="crumbs">From the landing page to the parent of this page: (absolute URL, label).</param>
    public static HtmlWriter Start(HttpContext context, OgcApiServices services, string title,
        IReadOnlyList<(string Href, string Label)> crumbs, IReadOnlyList<OgcApiLink> links, bool withMap = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        OgcApiEndpoints.MarkBodyStarted(context);

        var html = new HtmlWriter(response.BodyWriter);
        html.Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>")
            .Text(title).Markup(" – ").Text(services.Snapshot.Service.Title).Markup("</title>\n");
        Stylesheet(html, services.Url(HtmlAssets.PathPrefix + "geomas.css"));
        if (withMap)
        {
            Stylesheet(html, services.Url(HtmlAssets.PathPrefix + "leaflet/leaflet.css"));
            Script(html, services.Url(HtmlAssets.PathPrefix + "leaflet/leaflet.js"));
            Script(html, services.Url(HtmlAssets.PathPrefix + "geomas-map.js"));
        }
        foreach (var link in links.Where(l => l.Rel == "alternate"))
            html.Markup("<link rel=\"alternate\" type=\"").Text(link.Type).Markup("\" href=\"").Text(link.Href).Markup("\" />\n");
        html.Markup("</head>\n<body>\n<header class=\"site\"><p class=\"service\">").Text(services.Snapshot.Service.Title).Markup("</p>\n");
        html.Markup("<nav aria-label=\"Breadcrumb\"><ol class=\"breadcrumb\">");
        foreach (var (href, label) in crumbs)
            html.Markup("<li>").Link(href, label).Markup("</li>");
        html.Markup("<li aria-current=\"page\">").Text(title).Markup("</li></ol></nav>\n</header>\n<main>\n<h1>").Text(title).Markup("</h1>\n");
        return html;
    }

    /// <summary>Closes <c>main</c>, writes the footer with the other formats, ends the document and flushes.</summary>
    public static async Task EndAsync(HtmlWriter html, IReadOnlyList<OgcApiLink> links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Markup("</main>\n<footer class=\"site\">\n<h2>This page in other formats</h2>\n<ul>");
        foreach (var link in links.Where(l => l.Rel == "alternate"))
            html.Markup("<li>").Link(link.Href, link.Title ?? link.Type, link.Type, "alternate").Markup(" <code>").Text(link.Type).Markup("</code></li>");
        html.Markup("</ul>\n</footer>\n</body>\n</html>\n");
        await html.CompleteAsync(cancellationToken);
        await html.DisposeAsync();
    }

    /// <summary>The breadcrumb of every page: the landing page.</summary>
    public static (string, string) Home(OgcApiServices services) => (services.Url("/") + "?f=html", "Home");

    /// <summary>The collections list.</summary>
    public static (string, string) CollectionsCrumb(OgcApiServices services) =>
        (services.Url(OgcApiEndpoints.CollectionsPath) + "?f=html", "Collections");

    private static void Stylesheet(HtmlWriter html, string href) =>
        html.Markup("<link rel=\"stylesheet\" href=\"").Text(href).Markup("\" />\n");

    private static void Script(HtmlWriter html, string src) =>
        html.Markup("<script defer=\"defer\" src=\"").Text(src).Markup("\"></script>\n");
}
