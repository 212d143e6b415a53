using System.Globalization;
using GeoMas.Ogc.Server.Http;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Holds a slot of the <see cref="ExportGate"/> for the whole of every feature response (<see cref="ExportRequests"/>).
/// Refusals are answered in the protocol's error form (<see cref="ProtocolErrorResponse"/>) with Retry-After: 503
/// when the server is full, 429 when this client (key, user or IP) already has its share in flight.
/// </summary>
public sealed class ExportGateMiddleware(RequestDelegate next, ExportGate gate, ExportProtectionOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await ExportRequests.IsExportAsync(context.Request, context.RequestAborted).ConfigureAwait(false))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var client = context.User.FindFirst(SecurityClaims.Id)?.Value ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var admission = await gate.EnterAsync(client, context.RequestAborted).ConfigureAwait(false);
        if (admission.Lease is { } lease)
        {
            using (lease)
                await next(context).ConfigureAwait(false);
            return;
        }

        var retryAfter = Math.Max(1, options.RetryAfterSeconds);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (admission.Result == ExportAdmissionResult.ClientLimit)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"Too many feature requests at once from this client (at most {options.MaxPerClient}); retry in {retryAfter} s.");
            context.Items[AuditLog.ReasonItem] = "too many concurrent feature exports for this client";
            await ProtocolErrorResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", message, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"The server is busy ({options.MaxConcurrent} feature responses streaming); retry in {retryAfter} s.");
            context.Items[AuditLog.ReasonItem] = "feature export capacity reached";
            await ProtocolErrorResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", message, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
