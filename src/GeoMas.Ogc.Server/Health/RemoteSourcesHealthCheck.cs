using GeoMas.Ogc.Sources.Remote;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Health;

/// <summary>Readiness of cascaded layers: degraded while an upstream's capabilities were never read (its layers answer "unavailable").</summary>
public sealed class RemoteSourcesHealthCheck(RemoteSourceMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unavailable = monitor.Unavailable;
        return Task.FromResult(unavailable.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus,
                "cascaded upstream unavailable: " + string.Join("; ", unavailable.Select(u => $"'{u.SourceId}': {u.Reason}"))));
    }
}
