using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>GetFeatureInfo: parse, query the layers under the pixel (bounded by QueryTimeout), encode in INFO_FORMAT.</summary>
public static class WmsGetFeatureInfoHandler
{
    public static async Task HandleAsync(HttpContext context, KvpRequest kvp, WmsServices services, WmsVersion version, bool headOnly)
    {
        var request = new WmsGetFeatureInfoParser(services.Snapshot, services.Crs, services.Today).Parse(kvp, version);
        var response = context.Response;
        if (request.DefaultTimeUsed is { } time)
            response.Headers.Warning = WmsTimeDimension.WarningHeader(time);
        response.ContentType = request.Encoder.ContentType;
        if (headOnly)
            return;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(services.Snapshot.Limits.QueryTimeout);
        IReadOnlyList<Core.Features.FeatureInfoResult> results;
        try
        {
            results = await services.FeatureInfo.QueryAsync(request.Query, deadline.Token);
        }
        catch (OperationCanceledException e) when (!context.RequestAborted.IsCancellationRequested)
        {
            throw ServiceException.Unavailable("The feature query did not finish in time.", e);
        }
        context.Features.Get<IUsageRecorder>().FeatureInfo(results);
        await request.Encoder.WriteAsync(results, request.Query.OutputSrid ?? request.Query.Srid, response.Body, context.RequestAborted);
    }
}
