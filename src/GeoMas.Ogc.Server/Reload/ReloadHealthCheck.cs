using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>
/// Readiness detail of configuration reloads: degraded (still 200: the last good configuration serves) while the
/// configuration on disk was rejected, with the reasons, so an operator sees that an edit did not take effect.
/// </summary>
public sealed class ReloadHealthCheck(CatalogReloader reloader, CatalogSnapshotStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = reloader.Status;
        if (status is null || status.Succeeded)
            return Task.FromResult(HealthCheckResult.Healthy($"updateSequence {store.Current.UpdateSequence}"));
        return Task.FromResult(HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
            $"reload rejected at {status.AttemptedAt:O}, serving updateSequence {status.UpdateSequence}: {string.Join("; ", status.Errors)}")));
    }
}
