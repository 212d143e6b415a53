using GeoMas.Ogc.Server.Http;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// The body of a 401, in the error form of the protocol the client speaks (<see cref="ProtocolErrorResponse"/>).
/// The scheme's handler has already set WWW-Authenticate.
/// </summary>
public static class UnauthorizedResponseWriter
{
    public static Task WriteAsync(HttpContext context, string message) =>
        ProtocolErrorResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", message);
}
