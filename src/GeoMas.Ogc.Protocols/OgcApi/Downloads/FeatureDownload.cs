using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.Csv;
using GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GeoMas.Ogc.Protocols.OgcApi.Downloads;

/// <summary>
/// <c>/collections/{id}/items?f=csv|fgb</c>: an open-data download of the selection any items query describes
/// (bbox, datetime, filter, properties, sortby, crs…), streamed from the source cursor to the socket with bounded
/// memory, as an attachment named <c>&lt;collection&gt;.csv|.fgb</c>. Without <c>limit</c> it exports the whole
/// selection (up to <see cref="ServiceLimits.MaxFeaturesPerDownload"/>, not the page maximum); with one it is a
/// page like any other. The first row is read before the status line so a query error is still a JSON error;
/// a failure later aborts the connection (a cut file must not look complete).
/// </summary>
public static class FeatureDownload
{
    public static async Task WriteAsync(HttpContext context, OgcApiServices services, LayerDefinition layer, ItemsRequest request,
        OgcApiRepresentation representation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(representation);
        var aborted = context.RequestAborted;
        var limit = context.Request.Query.ContainsKey(ItemsParameters.Limit) ? request.Limit : services.Snapshot.Limits.MaxFeaturesPerDownload;
        var query = request.Query with { Limit = limit, Offset = request.Offset };

        await using var rows = services.SourceFor(layer).QueryAsync(query, aborted).GetAsyncEnumerator(aborted);
        var hasRow = await rows.MoveNextAsync();

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var extension = representation.FormatName;
        response.ContentType = representation.Equals(OgcApiRepresentation.Csv) ? CsvFeatureCollectionWriter.ContentType : representation.MediaType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = layer.Id + "." + extension,
            FileNameStar = layer.Id + "." + extension,
        }.ToString();
        response.Headers["Content-Crs"] = "<" + request.OutputCrs.ToHttpUri() + ">";
        OgcApiEndpoints.MarkBodyStarted(context);

        var names = query.EffectiveProperties;
        // Counted as written, so a download cut short by the client reports what it really received.
        var usage = context.Features.Get<IUsageRecorder>();
        if (representation.Equals(OgcApiRepresentation.Csv))
        {
            await using var csv = new CsvFeatureCollectionWriter(response.BodyWriter, names);
            csv.WriteHeader();
            while (hasRow)
            {
                await csv.WriteFeatureAsync(rows.Current, aborted);
                usage?.Features(1);
                hasRow = await rows.MoveNextAsync();
            }
            await csv.CompleteAsync(aborted);
            return;
        }

        var columns = names.Select(n => FlatGeobufColumn.For(layer.FindAttribute(n) ?? new AttributeDefinition(n, AttributeType.String))).ToList();
        var fgb = new FlatGeobufFeatureCollectionWriter(response.BodyWriter, layer.Id, columns, request.OutputCrs.Srid, layer.Title);
        fgb.WriteHeader();
        while (hasRow)
        {
            await fgb.WriteFeatureAsync(rows.Current, aborted);
            usage?.Features(1);
            hasRow = await rows.MoveNextAsync();
        }
        await fgb.CompleteAsync(aborted);
    }
}
