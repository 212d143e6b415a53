using System.Globalization;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// The map preview of the items and item pages: a Leaflet map (served from <c>/assets/leaflet</c>) over this
/// server's own XYZ base map, drawing the GeoJSON representation of the same resource in CRS84, which the page
/// script (<c>/assets/geomas-map.js</c>) fetches. The data itself is in the page's table: without JavaScript only
/// the map is missing.
/// </summary>
public static class HtmlMapSection
{
    /// <summary>Group layers tried as the base map, in order (the Geotrek basemap first).</summary>
    public static IReadOnlyList<string> BaseMapLayers { get; } = ["fond_plan", "plan"];

    public static void Write(HtmlWriter html, OgcApiServices services, LayerDefinition layer, string geoJsonUrl, string label)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        html.Markup("<div id=\"map\" class=\"map\" role=\"region\" aria-label=\"").Text(label).Markup("\" data-features=\"").Text(geoJsonUrl).Markup("\"");
        if (BaseMapLayers.Select(services.Snapshot.FindLayer).FirstOrDefault(l => l is not null) is { } baseMap)
        {
            html.Markup(" data-tiles=\"").Text(services.Url("/tiles/" + Uri.EscapeDataString(baseMap.Id) + "/{z}/{x}/{y}.png"))
                .Markup("\" data-attribution=\"").Text(services.Snapshot.Service.Title).Markup("\"");
        }
        if (!layer.GeographicExtent.IsNull)
        {
            var box = layer.GeographicExtent;
            html.Markup(" data-bounds=\"").Text(string.Create(CultureInfo.InvariantCulture, $"{box.MinX},{box.MinY},{box.MaxX},{box.MaxY}")).Markup("\"");
        }
        html.Markup("></div>\n<p id=\"map-status\" class=\"map-status\" aria-live=\"polite\">")
            .Markup("The map needs JavaScript; the features are listed below.</p>\n");
    }
}
