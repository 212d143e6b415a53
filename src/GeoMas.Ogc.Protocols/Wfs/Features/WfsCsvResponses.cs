using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Protocols.Encoding.Csv;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>CSV answers of GetFeature (attributes, then the geometry as WKT), through the shared streamed CSV writer.</summary>
internal static class WfsCsvResponses
{
    public static async Task CollectionAsync(HttpContext context, WfsGetFeatureRequest request, IAsyncEnumerator<Feature> rows, bool hasRow,
        CancellationToken cancellationToken)
    {
        await using var writer = Start(context, request);
        while (hasRow && writer.Count < request.Count)
        {
            await writer.WriteFeatureAsync(rows.Current, cancellationToken);
            hasRow = await rows.MoveNextAsync();
        }
        context.Features.Get<IUsageRecorder>()?.Features(writer.Count);
        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task FeatureAsync(HttpContext context, WfsGetFeatureRequest request, Feature feature, CancellationToken cancellationToken)
    {
        await using var writer = Start(context, request);
        await writer.WriteFeatureAsync(feature, cancellationToken);
        await writer.CompleteAsync(cancellationToken);
    }

    private static CsvFeatureCollectionWriter Start(HttpContext context, WfsGetFeatureRequest request)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = CsvFeatureCollectionWriter.ContentType;
        return new CsvFeatureCollectionWriter(context.Response.BodyWriter, request.Query.EffectiveProperties, request.Query.IncludeGeometry);
    }
}
