using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Server.Http;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// Meters every protocol request: installs a <see cref="RequestUsage"/> (the handlers' <see cref="IUsageRecorder"/>
/// and the byte counter of the body), then files the outcome under day, partner, principal, layer and protocol and
/// counts the client for its application. Only answers below 400 are counted: refused and failed requests are not
/// usage to share the cost of (401 and 429 never reach this middleware anyway).
/// </summary>
public sealed class UsageMiddleware(RequestDelegate next, UsageMeter meter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var protocol = UsageProtocols.Classify(context.Request.Path);
        if (protocol is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // The day the request arrived: a request straddling midnight counts on the day it was asked.
        var day = meter.Today();
        var features = context.Features;
        var usage = new RequestUsage(features.GetRequiredFeature<IHttpResponseBodyFeature>());
        features.Set<IHttpResponseBodyFeature>(usage);
        features.Set<IUsageRecorder>(usage);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(features.Get<IHttpResponseBodyFeature>(), usage))
                features.Set(usage.Inner);
            features.Set<IUsageRecorder>(null);
        }
        if (context.Response.StatusCode >= 400)
            return;

        // A HEAD runs as a GET inside the pipeline, its body written to a sink: the client received no bytes.
        var bytes = HeadRequestMiddleware.ArrivedAsHead(context) ? 0 : usage.Bytes;
        meter.Record(day, AccessContext.Current ?? AccessPrincipal.Anonymous, usage.LayerText, protocol,
            usage.Tiles, usage.FeatureCount, bytes, context.Connection.RemoteIpAddress);
    }
}
