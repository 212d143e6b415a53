using GeoMas.Ogc.Core.Usage;
using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.GeoJson;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// GeoJSON answers of GetFeature (the format the W3/W8 clients ask for), through the same streamed writer as
/// OGC API Features. Unlike GML, the counts go in the trailer: the page query reads one row more than the page
/// (exact <c>next</c>); only when that row exists is the source counted, otherwise numberMatched = STARTINDEX +
/// numberReturned, so a bbox request or the export of a whole département costs one query.
/// Feature ids are <c>typename.id</c>, as gml:id and RESOURCEID use them.
/// </summary>
internal static class WfsGeoJsonResponses
{
    public static GeoJsonFeatureLayout Layout(WfsGetFeatureRequest request) =>
        new(request.Query.EffectiveProperties, SwapAxes: request.OutputAxisOrder == AxisOrder.NorthEast, IdPrefix: request.Layer.Id + ".")
        {
            // As OGC API Features: millimetres in projected CRSs, about a centimetre in degrees (a third less JSON).
            CoordinateDecimals = GeoJsonPositionFormatter.DecimalsFor(request.OutputIsGeographic),
        };

    public static async Task CollectionAsync(HttpContext context, WfsGetFeatureRequest request, IFeatureSource source,
        IAsyncEnumerator<Feature> rows, bool hasRow, WfsPageLinks? links, DateTimeOffset timeStamp, CancellationToken cancellationToken)
    {
        Start(context);
        await using var writer = new GeoJsonFeatureCollectionWriter(context.Response.BodyWriter, Layout(request));
        writer.WriteStart(json =>
        {
            json.WriteString("timeStamp", timeStamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            WriteCrs(json, request);
        });
        var more = false;
        while (hasRow)
        {
            if (writer.Count == request.Count)
            {
                more = true;
                break;
            }
            await writer.WriteFeatureAsync(rows.Current, cancellationToken);
            hasRow = await rows.MoveNextAsync();
        }
        context.Features.Get<IUsageRecorder>()?.Features(writer.Count);

        // Only a full page with more rows behind it needs the count; an empty page past the end knows nothing.
        long? matched = more ? await source.CountAsync(request.Query, cancellationToken)
            : writer.Count > 0 || request.StartIndex == 0 ? request.StartIndex + writer.Count : null;
        await writer.WriteEndAsync(json =>
        {
            if (matched is { } n)
            {
                json.WriteNumber("numberMatched", n);
                json.WriteNumber("totalFeatures", n);
            }
            json.WriteNumber("numberReturned", writer.Count);
            var pageSize = request.Count;
            if (links is not null && (more || request.StartIndex > 0))
            {
                json.WriteStartArray("links");
                if (more)
                    Link(json, "next", links.Page(request.StartIndex + pageSize, pageSize));
                if (request.StartIndex > 0)
                    Link(json, "previous", links.Page(Math.Max(0, request.StartIndex - pageSize), pageSize));
                json.WriteEndArray();
            }
        }, cancellationToken);
    }

    public static async Task HitsAsync(HttpContext context, long matched, DateTimeOffset timeStamp, CancellationToken cancellationToken)
    {
        Start(context);
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter, GeoJsonFeatureCollectionWriter.WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("timeStamp", timeStamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("numberMatched", matched);
        json.WriteNumber("totalFeatures", matched);
        json.WriteNumber("numberReturned", 0);
        json.WriteStartArray("features");
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    public static async Task FeatureAsync(HttpContext context, WfsGetFeatureRequest request, Feature feature, CancellationToken cancellationToken)
    {
        Start(context);
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter, GeoJsonFeatureCollectionWriter.WriterOptions);
        GeoJsonFeatureWriter.Write(json, feature, Layout(request));
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The GeoJSON 2008 "crs" member when the output is not lon/lat WGS 84, so GDAL and QGIS place the data.</summary>
    private static void WriteCrs(Utf8JsonWriter json, WfsGetFeatureRequest request)
    {
        if (request.OutputCrs.Srid == 4326 && request.OutputAxisOrder == AxisOrder.EastNorth)
            return;
        json.WriteStartObject("crs");
        json.WriteString("type", "name");
        json.WriteStartObject("properties");
        json.WriteString("name", CrsIdentifier.Epsg(request.OutputCrs.Srid).ToUrn());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Link(Utf8JsonWriter json, string rel, string href)
    {
        json.WriteStartObject();
        json.WriteString("href", href);
        json.WriteString("rel", rel);
        json.WriteString("type", "application/json");
        json.WriteEndObject();
    }

    private static void Start(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = WfsOutputFormat.GeoJson.MediaType;
    }

}
