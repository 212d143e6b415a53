using GeoMas.Ogc.Core.Usage;
using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// <c>GET /collections/{id}/items</c>: a GeoJSON FeatureCollection streamed from the source cursor to the socket
/// (issue item 5). One row more than the page is read so the <c>next</c> link is exact; the exact count
/// (numberMatched, TRAP-13) runs concurrently with the page query so it adds no latency. The first row is read before
/// the status line is sent, so a query error is still a proper JSON error; a failure later aborts the connection,
/// because a truncated body must not look like a complete collection.
/// </summary>
public static class ItemsHandler
{
    public static async Task HandleAsync(HttpContext context, string collectionId)
    {
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        var usage = context.Features.Get<IUsageRecorder>();
        usage?.Layer(layer.Id);
        var request = ItemsRequestParser.Parse(context.Request.Query, layer, services);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.Items);
        if (representation.IsHtml)
        {
            await Html.ItemsHtmlPage.WriteAsync(context, services, layer, request, (more, _) => Links(context, services, layer.Id, request, representation, more));
            return;
        }
        if (representation.IsDownload)
        {
            await Downloads.FeatureDownload.WriteAsync(context, services, layer, request, representation);
            return;
        }
        var source = services.SourceFor(layer);
        var aborted = context.RequestAborted;

        var page = request.Page;
        using var countCancellation = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        // A layer configured with count: none never counts (numberMatched is then left out).
        var count = layer.Count == FeatureCountMode.None
            ? Task.FromCanceled<long>(new CancellationToken(canceled: true))
            : source.CountAsync(request.Query, countCancellation.Token);
        try
        {
            await using var rows = source.QueryAsync(page, aborted).GetAsyncEnumerator(aborted);
            var hasRow = await rows.MoveNextAsync();

            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = representation.MediaType;
            response.Headers["Content-Crs"] = "<" + request.OutputCrs.ToHttpUri() + ">";
            var timeStamp = services.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

            var layout = FeatureLayouts.For(layer, request.Query.EffectiveProperties, request.SwapAxes,
                GeoJsonPositionFormatter.DecimalsFor(services.Crs.IsGeographic(request.OutputCrs.Srid)));
            OgcApiEndpoints.MarkBodyStarted(context);
            await using var writer = new GeoJsonFeatureCollectionWriter(response.BodyWriter, layout);
            writer.WriteStart(json => json.WriteString("timeStamp", timeStamp));
            var more = false;
            string? lastId = null;
            while (hasRow)
            {
                if (writer.Count == request.Limit)
                {
                    more = true;
                    break;
                }
                lastId = rows.Current.Id;
                await writer.WriteFeatureAsync(rows.Current, aborted);
                hasRow = await rows.MoveNextAsync();
            }

            usage?.Features(writer.Count);
            long? matched = await TryGetCountAsync(count);
            var links = Links(context, services, layer.Id, request, representation, more, lastId);
            await writer.WriteEndAsync(json =>
            {
                json.WriteNumber("numberReturned", writer.Count);
                if (matched is { } n)
                    json.WriteNumber("numberMatched", n);
                OgcApiLink.WriteArray(json, links);
            }, aborted);
        }
        finally
        {
            // Never leave the count running (or its failure unobserved) when the page ends early.
            await countCancellation.CancelAsync();
            await TryGetCountAsync(count);
        }
    }

    // numberMatched is optional: a failed or cancelled count omits it rather than failing the page.
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

    private static List<OgcApiLink> Links(HttpContext context, OgcApiServices services, string collectionId,
        ItemsRequest request, OgcApiRepresentation representation, bool more, string? lastId = null)
    {
        var query = context.Request.Query;
        var itemsUrl = services.Url(OgcApiEndpoints.CollectionPath(collectionId) + "/items");
        var links = OgcApiLinks.SelfAndAlternates(itemsUrl, query, OgcApiRepresentation.Items, representation, "This page").ToList();
        // Next links carry a keyset cursor (O(page) per page, every feature exactly once) besides the offset,
        // which numbers the page and lets prev links page back by offset.
        string PageUrl(long offset, string? cursor = null) => OgcApiLinks.WithQuery(itemsUrl, query,
            (ItemsParameters.Offset, offset.ToString(CultureInfo.InvariantCulture)),
            (ItemsParameters.Limit, request.Limit.ToString(CultureInfo.InvariantCulture)),
            (ItemsParameters.Cursor, cursor));
        if (more)
        {
            var cursor = request.CanUseKeyset && lastId is not null ? KeysetCursor.Encode(collectionId, lastId) : null;
            links.Add(new OgcApiLink(PageUrl(request.Offset + request.Limit, cursor), "next", representation.MediaType, "Next page"));
        }
        if (request.Offset > 0)
            links.Add(new OgcApiLink(PageUrl(Math.Max(0, request.Offset - request.Limit)), "prev", representation.MediaType, "Previous page"));
        links.Add(new OgcApiLink(services.Url(OgcApiEndpoints.CollectionPath(collectionId)), "collection", OgcApiMediaTypes.Json, "The collection"));
        return links;
    }
}
