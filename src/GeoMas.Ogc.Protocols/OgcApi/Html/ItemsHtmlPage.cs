using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Encoding;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// <c>/collections/{id}/items?f=html</c>: one page of features as an attribute table streamed row by row from the
/// source cursor (flushed every few rows), a map of the same page, the previous/next links (the same links as the
/// GeoJSON page, <see cref="ItemsHandler"/>), downloads of the whole selection and the QGIS URLs. The first row is
/// read before the status line, so a query error is still a proper JSON error.
/// </summary>
public static class ItemsHtmlPage
{
    /// <param name="linksFor">The page's links (ItemsHandler's builder) given whether more features follow and the last feature's id.</param>
    public static async Task WriteAsync(HttpContext context, OgcApiServices services, LayerDefinition layer, ItemsRequest request,
        Func<bool, string?, IReadOnlyList<OgcApiLink>> linksFor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(linksFor);
        var aborted = context.RequestAborted;
        var source = services.SourceFor(layer);
        var page = request.Query with { Limit = request.Limit + 1, Offset = request.Offset };
        using var countCancellation = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var count = source.CountAsync(request.Query, countCancellation.Token);
        try
        {
            await using var rows = source.QueryAsync(page, aborted).GetAsyncEnumerator(aborted);
            var hasRow = await rows.MoveNextAsync();

            var collectionUrl = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
            var itemsUrl = collectionUrl + "/items";
            var query = context.Request.Query;
            var headLinks = linksFor(false, null);
            var html = HtmlPage.Start(context, services, layer.Title + " – features",
                [HtmlPage.Home(services), HtmlPage.CollectionsCrumb(services), (collectionUrl + "?f=html", layer.Title)], headLinks, withMap: true);

            var mapData = OgcApiLinks.WithQuery(itemsUrl, query, (ItemsParameters.Format, "geojson"), (ItemsParameters.Crs, null),
                (ItemsParameters.Limit, request.Limit.ToString(CultureInfo.InvariantCulture)),
                (ItemsParameters.Offset, request.Offset.ToString(CultureInfo.InvariantCulture)));
            HtmlMapSection.Write(html, services, layer, mapData, "Map of the features listed in the table");

            var names = request.Query.EffectiveProperties;
            html.Markup("<div class=\"table-scroll\">\n<table class=\"data\" id=\"features\">\n<caption>Features of ").Text(layer.Title)
                .Markup(", from number ").Text((request.Offset + 1).ToString(CultureInfo.InvariantCulture)).Markup("</caption>\n<thead><tr><th scope=\"col\">Feature</th>");
            foreach (var name in names)
                html.Markup("<th scope=\"col\" title=\"").Text(layer.FindAttribute(name)?.Title).Markup("\">").Text(name).Markup("</th>");
            html.Markup("</tr></thead>\n<tbody>\n");
            await html.FlushAsync(aborted);

            var written = 0;
            var more = false;
            string? lastId = null;
            while (hasRow)
            {
                if (written == request.Limit)
                {
                    more = true;
                    break;
                }
                var feature = rows.Current;
                lastId = feature.Id;
                html.Markup("<tr><th scope=\"row\">")
                    .Link(itemsUrl + "/" + Uri.EscapeDataString(feature.Id) + "?f=html", feature.Id).Markup("</th>");
                for (var i = 0; i < names.Count; i++)
                    html.Markup("<td>").Text(i < feature.Values.Length ? FeatureValueFormatter.Format(feature.Values[i]) : null).Markup("</td>");
                html.Markup("</tr>\n");
                written++;
                await html.FlushIfFullAsync(aborted);
                hasRow = await rows.MoveNextAsync();
            }
            html.Markup("</tbody>\n</table>\n</div>\n");

            var matched = await TryGetCountAsync(count);
            html.Markup("<p class=\"summary\">");
            if (written == 0)
                html.Markup("No feature matches this request.");
            else
                html.Markup("Features ").Text((request.Offset + 1).ToString(CultureInfo.InvariantCulture)).Markup(" to ")
                    .Text((request.Offset + written).ToString(CultureInfo.InvariantCulture));
            if (matched is { } n)
                html.Markup(" of ").Text(n.ToString(CultureInfo.InvariantCulture)).Markup(" matched");
            html.Markup(".</p>\n");

            var links = linksFor(more, lastId);
            html.Markup("<nav class=\"pages\" aria-label=\"Pages\"><ul>");
            foreach (var link in links.Where(l => l.Rel is "prev" or "next"))
                html.Markup("<li>").Link(link.Href, link.Rel == "next" ? "Next page" : "Previous page", link.Type, link.Rel).Markup("</li>");
            html.Markup("</ul></nav>\n");

            HtmlDownloadSection.Write(html, services, itemsUrl, query, "Download this selection");
            HtmlQgisSection.Write(html, services, layer);
            await HtmlPage.EndAsync(html, links, aborted);
        }
        finally
        {
            await countCancellation.CancelAsync();
            await TryGetCountAsync(count);
        }
    }

    // The count is only shown: a failed or cancelled count leaves it out.
    private static async Task<long?> TryGetCountAsync(Task<long> count)
    {
        try
        {
            return await count;
        }
        catch (Exception) when (count.IsFaulted || count.IsCanceled)
        {
            return null;
        }
    }
}
