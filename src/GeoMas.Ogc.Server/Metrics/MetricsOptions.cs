namespace GeoMas.Ogc.Server.Metrics;

/// <summary>The <c>metrics</c> section: the Prometheus scrape endpoint <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> (Prometheus text exposition format).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When set, only callers with this role (key, user or token) may scrape; null = open, like the health endpoints.</summary>
    public string? RequireRole { get; set; }

    /// <summary>
    /// Also record the cached-tile fast path's responses in http.server.request.duration. Off by default: they are
    /// counted by geomas.http.fast_path.responses (<see cref="FastPathMetrics"/>) at a fraction of the cost.
    /// </summary>
    public bool FastPathRequestDuration { get; set; }
}
