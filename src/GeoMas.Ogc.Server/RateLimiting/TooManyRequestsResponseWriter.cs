using System.Globalization;
using GeoMas.Ogc.Server.Http;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>A 429 with Retry-After, its body in the error form of the protocol the path names (<see cref="ProtocolErrorResponse"/>).</summary>
public static class TooManyRequestsResponseWriter
{
    public static Task WriteAsync(HttpContext context, int retryAfterSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
            return Task.CompletedTask;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var message = string.Create(CultureInfo.InvariantCulture, $"Too many requests: rate limit exceeded, retry in {retryAfterSeconds} s.");
        return ProtocolErrorResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", message, cancellationToken);
    }
}
