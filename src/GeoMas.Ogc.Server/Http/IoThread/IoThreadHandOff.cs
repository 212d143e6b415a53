using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GeoMas.Ogc.Server.Http.IoThread;

/// <summary>
/// Keeps requests off the socket event thread. With inline completions (<see cref="InlineCompletionsConnection"/>) a
/// request starts on the event thread that read its bytes, which every other connection of that thread waits on: only
/// the cached-tile fast path answers there. Any other request is handed to the thread pool before its first line of
/// code, with a request body whose reads resume on the pool after waiting for the client
/// (<see cref="PoolResumingRequestBody"/>).
/// </summary>
public static class IoThreadHandOff
{
    /// <summary>Whether the current thread is one a request must not run long on (a socket event thread).</summary>
    public static bool OnEventThread => !Thread.CurrentThread.IsThreadPoolThread;

    /// <summary>Runs <paramref name="next"/> on the thread pool, with a request body that resumes there.</summary>
    public static Task Run(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // A request that cannot have a body (a GET without one) has nothing to wait for.
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false
            && context.Features.Get<IHttpRequestFeature>() is { } request)
        {
            request.Body = new PoolResumingRequestBody(request.Body);
        }
        return OnEventThread ? HopThenRunAsync(context, next) : next(context);
    }

    private static async Task HopThenRunAsync(HttpContext context, RequestDelegate next)
    {
        // An event thread has no synchronization context: the yield queues the rest of this method to the pool.
        await Task.Yield();
        await next(context);
    }
}
