using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// The one place WMTS errors are written: an OWS 1.1 ExceptionReport with the HTTP status WMTS 1.0.0 Tables 20/23/27
/// give each code (WMTS-T8, TRAP-12) — request errors 400, unsupported operations 501, unknown REST resources 404,
/// unsatisfiable Accept 406, overload 503, internal failures 500.
/// </summary>
public static class WmtsErrorResponder
{
    public static int StatusOf(ServiceException error) => error.Kind switch
    {
        ErrorKind.OperationNotSupported => StatusCodes.Status501NotImplemented,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.NotAcceptable => StatusCodes.Status406NotAcceptable,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.Internal => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    public static async Task WriteAsync(HttpContext context, ServiceException error, bool headOnly)
    {
        var response = context.Response;
        if (response.HasStarted)
            return; // Headers are gone: nothing consistent can be sent any more.
        response.Clear();
        response.StatusCode = StatusOf(error);
        if (error.Kind == ErrorKind.Unavailable)
            response.Headers.RetryAfter = "5";
        response.Headers.CacheControl = "no-store";
        response.ContentType = OwsExceptionReportWriter.ContentType;
        if (headOnly)
            return;
        await OwsExceptionReportWriter.WriteAsync(response.Body, error, WmtsVersion.Current);
    }
}
