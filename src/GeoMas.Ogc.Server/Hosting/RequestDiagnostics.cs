using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>
/// ASP.NET Core's hosting layer starts an Activity and a logging scope for every request as soon as its log category
/// (<see cref="Category"/>) is enabled at any level, Critical included, although the only lines it writes per request
/// are Information ("Request starting", "Request finished"). With that category at Warning (the default
/// configuration's <c>Microsoft.AspNetCore: Warning</c>) the work is done on every tile for nothing written. So when
/// the configuration logs the category below Information nowhere and no console formatter prints scopes, the
/// category is turned off, which skips both. What is still logged: unhandled exceptions (Kestrel writes them, category
/// Microsoft.AspNetCore.Server.Kestrel) and a failed start (the host, Microsoft.Extensions.Hosting); what is lost is the
/// category's own copy of a pipeline build error, which the host's "Hosting failed to start" repeats.
/// </summary>
public static class RequestDiagnostics
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>True when per-request hosting diagnostics would produce nothing anyone reads under this configuration.</summary>
    /// <param name="configured">A logger factory built from the same "Logging" configuration (the startup logger).</param>
    public static bool Unread(IConfiguration configuration, ILoggerFactory configured)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configured);
        if (configured.CreateLogger(Category).IsEnabled(LogLevel.Information))
            return false;
        // A formatter printing scopes would print the request's (RequestId, RequestPath, TraceId) on every line
        // logged while serving it: keep them then.
        var console = configuration.GetSection("Logging:Console");
        return !console.GetValue<bool>("IncludeScopes") && !console.GetValue<bool>("FormatterOptions:IncludeScopes");
    }

    /// <summary>Turns the category off when <see cref="Unread"/>.</summary>
    public static void SkipWhenUnread(WebApplicationBuilder builder, ILoggerFactory configured)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Unread(builder.Configuration, configured))
            builder.Logging.AddFilter(Category, LogLevel.None);
    }
}
