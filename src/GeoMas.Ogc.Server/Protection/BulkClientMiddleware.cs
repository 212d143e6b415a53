using GeoMas.Ogc.Core.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Puts the requests of bulk tile clients in the bulk render lane (<see cref="RenderLane"/>): their cached tiles
/// are served as fast as anyone's (the cache never waits for the gate), only their cache misses wait in the small
/// bulk lane. Runs after authentication (the flag is on the API key).
/// </summary>
public sealed class BulkClientMiddleware(RequestDelegate next, BulkClientDetector detector)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (detector.IsBulk(context.User, context.Request.Headers.UserAgent.ToString()))
            return RunAsBulkAsync(context);
        return next(context);
    }

    private async Task RunAsBulkAsync(HttpContext context)
    {
        // Set in this async method: the lane flows down to the render and ends with the request.
        RenderLane.Current = RenderPriority.Bulk;
        await next(context).ConfigureAwait(false);
    }
}
