using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The one place WFS errors are written (the dispatcher calls it for every <see cref="ServiceException"/>; operation
/// handlers should just throw). Usage from a handler that has to answer by itself:
/// <c>await WfsErrorResponder.WriteAsync(context, error, input.Version)</c>. Body: an OWS ExceptionReport
/// (<see cref="WfsExceptionReportWriter"/>); status from <see cref="StatusOf"/>: OWS Common 1.1 Table 28 and
/// WFS 2.0 Table D.2 (TRAP-12) — request errors 400, OperationProcessingFailed and the lock/cache codes 403,
/// unknown resource (<see cref="ErrorKind.NotFound"/>, e.g. GetFeatureById with an unknown id, WFS-O4) 404,
/// OperationNotSupported/OptionNotSupported 501, overload 503 (+ Retry-After), internal failures 500 (code NoApplicableCode).
/// Once the response has started nothing can be sent any more; the caller must abort the connection.
/// </summary>
public static class WfsErrorResponder
{
    public static int StatusOf(ServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (error.Code)
        {
            case "OperationNotSupported" or "OptionNotSupported":
                return StatusCodes.Status501NotImplemented;
            case "OperationProcessingFailed" or "ResponseCacheExpired" or "LockHasExpired" or "InvalidLockId":
                return StatusCodes.Status403Forbidden;
        }
        return error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.OperationNotSupported => StatusCodes.Status501NotImplemented,
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            ErrorKind.Internal => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    /// <param name="version">The negotiated WFS version ("2.0.0" → OWS 1.1 report, "1.1.0" → OWS 1.0).</param>
    /// <returns>False when the response had already started (nothing was written).</returns>
    public static async Task<bool> WriteAsync(HttpContext context, ServiceException error, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
            return false;
        response.Clear();
        response.StatusCode = StatusOf(error);
        if (error.Kind == ErrorKind.Unavailable)
            response.Headers.RetryAfter = "5";
        response.Headers.CacheControl = "no-store";
        response.ContentType = WfsExceptionReportWriter.ContentType;
        // HEAD is answered by the server's HEAD middleware, which discards whatever body is written here.
        await WfsExceptionReportWriter.WriteAsync(response.Body, error, WfsVersion.Normalize(version) ?? WfsVersion.V200);
        return true;
    }
}
