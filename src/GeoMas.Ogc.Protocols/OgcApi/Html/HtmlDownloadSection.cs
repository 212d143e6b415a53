using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// Download links for a selection of features: the items URL with the page's query (bbox, datetime, filter,
/// properties…) and without paging. CSV and FlatGeobuf export the whole selection (up to the configured download
/// maximum, <see cref="FeatureDownload"/>); GeoJSON is the largest page, whose next link continues it.
/// </summary>
public static class HtmlDownloadSection
{
    public static void Write(HtmlWriter html, OgcApiServices services, string itemsUrl, IQueryCollection? query, string heading)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(services);
        query ??= QueryCollection.Empty;
        var pageMaximum = services.Snapshot.Limits.MaxFeaturesPerPage.ToString(CultureInfo.InvariantCulture);
        string Url(string format, string? limit) => OgcApiLinks.WithQuery(itemsUrl, query,
            (ItemsParameters.Format, format), (ItemsParameters.Offset, null), (ItemsParameters.Limit, limit));

        html.Markup("<section class=\"downloads\" aria-labelledby=\"downloads\">\n<h2 id=\"downloads\">").Text(heading).Markup("</h2>\n<ul>\n<li>")
            .Markup("<a download=\"\" href=\"").Text(Url(OgcApiRepresentation.Csv.FormatName, null)).Markup("\" type=\"").Text(OgcApiMediaTypes.Csv)
            .Markup("\">CSV</a> – a spreadsheet, geometry as WKT</li>\n<li>")
            .Markup("<a download=\"\" href=\"").Text(Url(OgcApiRepresentation.FlatGeobuf.FormatName, null)).Markup("\" type=\"").Text(OgcApiMediaTypes.FlatGeobuf)
            .Markup("\">FlatGeobuf</a> – for QGIS and GDAL, fast to open</li>\n<li>")
            .Link(Url("geojson", pageMaximum), "GeoJSON", OgcApiMediaTypes.GeoJson)
            .Markup(" – up to ").Text(pageMaximum).Markup(" features per file; its <code>next</code> link continues</li>\n</ul>\n</section>\n");
    }
}
