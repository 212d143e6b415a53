using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Writes every refusal to <see cref="AuditLog"/> as the response starts: 401 (bad credentials), 403 (admin,
/// metrics guard), 429 (rate limit, per-client export cap) and the capacity 503s of this folder — with the reason
/// the refusing code left in <see cref="AuditLog.ReasonItem"/>. It also audits a request naming a layer the caller
/// may not see (the protocols answer those as unknown layers, not to reveal that they exist), via
/// <see cref="HiddenLayerAudit"/> once the principal is known.
/// </summary>
public sealed class AuditMiddleware
{
    private static readonly Func<object, Task> OnStarting = Audit;
    private readonly RequestDelegate _next;

    public AuditMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(OnStarting, context);
        return _next(context);
    }

    private static Task Audit(object state)
    {
        var context = (HttpContext)state;
        var status = context.Response.StatusCode;
        var reason = context.Items[AuditLog.ReasonItem] as string;
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests || reason is not null)
        {
            var audit = (AuditLog?)context.RequestServices.GetService(typeof(AuditLog));
            audit?.Denied(context, status, reason ?? DefaultReason(status, context));
        }
        return Task.CompletedTask;
    }

    private static string DefaultReason(int status, HttpContext context) => status switch
    {
        StatusCodes.Status401Unauthorized => context.Request.Headers.Authorization.Count > 0 || context.Request.Headers[SecuritySchemes.ApiKeyHeader].Count > 0
            ? "credentials refused"
            : "credentials required",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status429TooManyRequests => "rate limit exceeded",
        _ => "refused",
    };
}
