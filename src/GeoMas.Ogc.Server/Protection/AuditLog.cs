using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// The audit trail of refused requests, in its own logger category (<see cref="Category"/>) so operators can route
/// it apart (a file, a SIEM) and set its level independently: who (principal id, client IP), what (method, path,
/// layer), the answer (status) and why. Never the credentials.
/// </summary>
public sealed class AuditLog(ILoggerFactory loggers)
{
    public const string Category = "GeoMas.Audit";

    /// <summary>Set in <see cref="HttpContext.Items"/> by whoever refuses a request and knows why better than its status says.</summary>
    public const string ReasonItem = "GeoMas.Audit.Reason";

    private readonly ILogger _log = loggers.CreateLogger(Category);

    /// <param name="status">The answer's status; null when the protocol answers in its own way (a hidden layer is "unknown").</param>
    public void Denied(HttpContext context, int? status, string reason, string? layer = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.User.FindFirst(SecurityClaims.Id)?.Value ?? "anonymous";
        _log.LogWarning("Denied {Status} {Method} {Path} principal={Principal} ip={ClientIp} layer={Layer}: {Reason}",
            status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", context.Request.Method, context.Request.Path.Value, principal,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown", layer ?? "-", reason);
    }
}
