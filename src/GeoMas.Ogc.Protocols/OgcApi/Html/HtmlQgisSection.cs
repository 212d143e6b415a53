using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// The "Use in QGIS" block: the three service URLs a desktop GIS user pastes (OGC API Features, WFS, WMS), with
/// the layer name when the page is about one collection, and where each goes in QGIS's Data Source Manager.
/// </summary>
public static class HtmlQgisSection
{
    public static void Write(HtmlWriter html, OgcApiServices services, LayerDefinition? layer = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(services);
        html.Markup("<section class=\"qgis\" aria-labelledby=\"qgis\">\n<h2 id=\"qgis\">Use in QGIS</h2>\n")
            .Markup("<p>In QGIS, open <em>Layer › Data Source Manager</em>, pick the connection type below, create a new connection with this URL, then connect")
            .Markup(layer is null ? "." : " and add the layer <code>").Text(layer?.Id).Markup(layer is null ? "" : "</code>.").Markup("</p>\n<dl>\n")
            .Markup("<dt>OGC API Features (<em>WFS / OGC API – Features</em>, version OGC API – Features)</dt><dd><code class=\"url\">")
            .Text(services.Url("/")).Markup("</code></dd>\n")
            .Markup("<dt>WFS 2.0 (<em>WFS / OGC API – Features</em>)</dt><dd><code class=\"url\">")
            .Text(services.Url("/wfs")).Markup("</code></dd>\n")
            .Markup("<dt>WMS 1.3.0 (<em>WMS/WMTS</em>, a map rather than features)</dt><dd><code class=\"url\">")
            .Text(services.Url("/wms")).Markup("</code></dd>\n</dl>\n</section>\n");
    }
}
