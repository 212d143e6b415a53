using System.Diagnostics.Metrics;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>
/// Reload counters on the <c>GeoMas.Ogc.Reload</c> meter: attempts by outcome, and whether the configuration now
/// on disk is the one being served (0 after a rejected reload: an alert rule watches it).
/// </summary>
public sealed class ReloadMetrics
{
    public const string MeterName = "GeoMas.Ogc.Reload";

    private readonly Counter<long> _reloads;
    private volatile bool _lastFailed;

    public ReloadMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _reloads = meter.CreateCounter<long>("geomas.config.reloads", "{reload}", "Configuration reload attempts by outcome (success, failure).");
        meter.CreateObservableGauge("geomas.config.current", () => _lastFailed ? 0 : 1, unit: null,
            "1 when the last reload succeeded (the served configuration is the one on disk), 0 when it was rejected.");
    }

    public void Reloaded(bool succeeded)
    {
        _lastFailed = !succeeded;
        _reloads.Add(1, new KeyValuePair<string, object?>("result", succeeded ? "success" : "failure"));
    }
}
