using GeoMas.Ogc.Core.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Health;

/// <summary>Readiness of one source: can it answer a trivial query now?</summary>
public sealed class SourceHealthCheck(IFeatureSource? source) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Null: a configuration reload removed the source; nothing depends on it any more.
        if (source is null)
            return HealthCheckResult.Healthy("removed by a configuration reload");
        try
        {
            return await source.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"source '{source.SourceId}' does not answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"source '{source.SourceId}': {ex.Message}");
        }
    }
}
