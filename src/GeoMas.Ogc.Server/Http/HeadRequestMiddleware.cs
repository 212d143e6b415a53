using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GeoMas.Ogc.Server.Http;

/// <summary>
/// Answers HEAD wherever GET is answered (TRAP-6: minimal-API <c>MapGet</c> endpoints answer HEAD with 405).
/// Runs the request as a GET with a body sink, so every endpoint — present and future, every protocol — gets HEAD
/// with the GET's status, headers and Content-Length, and no body. Must run before routing.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Whether the client asked HEAD. Inside the pipeline a HEAD runs as a GET, so middlewares that treat HEAD
    /// differently (usage metering: no bytes were sent) ask this instead of the request method.
    /// </summary>
    public static bool ArrivedAsHead(HttpContext context) =>
        HttpMethods.IsHead(context.Request.Method) || context.Features.Get<ArrivedAsHeadFeature>() is not null;

    // A GET passes straight through, without an async frame of its own.
    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsHead(context.Request.Method) ? HeadAsync(context) : next(context);

    private async Task HeadAsync(HttpContext context)
    {
        var originalBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        var sink = new CountingNullStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(sink));
        context.Features.Set(ArrivedAsHeadFeature.Instance);
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            // The server sees a HEAD again when it completes the response, so it sends no body and accepts a
            // Content-Length without bytes.
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(originalBody);
        }
        if (!context.Response.HasStarted && context.Response.ContentLength is null && sink.Count > 0)
            context.Response.ContentLength = sink.Count;
    }
}

/// <summary>Marks a request the client sent as HEAD while it runs as a GET (<see cref="HeadRequestMiddleware.ArrivedAsHead"/>).</summary>
internal sealed class ArrivedAsHeadFeature
{
    public static readonly ArrivedAsHeadFeature Instance = new();
}
