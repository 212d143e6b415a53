namespace GeoMas.Ogc.Server.Metrics;

/// <summary>The <c>metrics</c> section: the Prometheus scrape endpoint <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> (Prometheus text exposition format).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When set, only callers with this role (key, user or token) may scrape; null = open, like the health endpoints.</summary>
    public string? RequireRole { get; set; }
}
