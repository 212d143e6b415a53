using GeoMas.Ogc.Core.Catalog;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>
/// Reads the capabilities of every open cascaded source at startup and again every
/// <see cref="UpstreamPolicy.CapabilitiesRefreshInterval"/>; a source whose capabilities were never read is retried
/// every <see cref="UpstreamPolicy.CapabilitiesRetryInterval"/>, so a layer whose upstream starts late recovers by
/// itself. Requests never fetch capabilities: they use the last good copy.
/// </summary>
public sealed class RemoteCapabilitiesRefresher(RemoteSourceMonitor monitor, ILogger<RemoteCapabilitiesRefresher> logger, TimeSpan? tick = null)
{
    private readonly Dictionary<IRemoteRasterSource, DateTimeOffset> _due = new(ReferenceEqualityComparer.Instance);
    private readonly TimeSpan _tick = tick ?? TimeSpan.FromSeconds(1);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_tick);
        do
        {
            await RefreshDueAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Refreshes every source that is new or due (concurrently: one slow upstream does not delay the others).</summary>
    public async Task RefreshDueAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var sources = monitor.Sources.ToList();
        foreach (var gone in _due.Keys.Except(sources, ReferenceEqualityComparer.Instance).Cast<IRemoteRasterSource>().ToList())
            _due.Remove(gone);
        var due = sources.Where(s => !_due.TryGetValue(s, out var at) || at <= now).ToList();
        var results = await Task.WhenAll(due.Select(s => RefreshAsync(s, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < due.Count; i++)
        {
            var policy = due[i].Remote.Policy;
            _due[due[i]] = DateTimeOffset.UtcNow + (results[i] || due[i].IsReady ? policy.CapabilitiesRefreshInterval : policy.CapabilitiesRetryInterval);
        }
    }

    private async Task<bool> RefreshAsync(IRemoteRasterSource source, CancellationToken cancellationToken)
    {
        var wasReady = source.IsReady;
        var ok = await source.RefreshCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (ok && !wasReady)
            logger.LogInformation("Cascaded source {Source}: upstream capabilities read from {Url}", source.SourceId, source.Remote.Url);
        else if (!ok && wasReady)
            logger.LogWarning("Cascaded source {Source}: capabilities refresh failed ({Error}); the last good capabilities stay in use", source.SourceId, source.LastError);
        else if (!ok)
            logger.LogWarning("Cascaded source {Source} is unavailable: {Error} (retried every {Interval})", source.SourceId, source.LastError, source.Remote.Policy.CapabilitiesRetryInterval);
        return ok;
    }
}
