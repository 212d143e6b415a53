namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// The upstream service of a cascaded source: a remote WMTS (one layer, style, tile matrix set and format) or a
/// remote WMS (layers, styles, CRS, format, version), with the resilience policy every request to it goes through.
/// </summary>
public sealed record RemoteSourceDefinition
{
    /// <summary>WMTS: the GetCapabilities URL (KVP or RESTful WMTSCapabilities.xml). WMS: the service URL (the GetMap base).</summary>
    public required Uri Url { get; init; }
    /// <summary>WMTS: the layer identifier. WMS: comma-separated LAYERS.</summary>
    public required string Layers { get; init; }
    /// <summary>WMTS: the style identifier (empty = the layer's default). WMS: comma-separated STYLES (may be empty).</summary>
    public string Styles { get; init; } = "";
    /// <summary>WMTS only: the tile matrix set identifier.</summary>
    public string? TileMatrixSet { get; init; }
    /// <summary>WMTS only: "auto" (the RESTful ResourceURL when the upstream offers one, else KVP), "kvp" or "rest".</summary>
    public string RequestEncoding { get; init; } = "auto";
    /// <summary>Image format asked of the upstream (image/png or image/jpeg).</summary>
    public string Format { get; init; } = "image/png";
    /// <summary>WMS only: EPSG code of the GetMap CRS (the source's native CRS); must be offered by the upstream layer.</summary>
    public int? Srid { get; init; }
    /// <summary>WMS only: 1.3.0 or 1.1.1.</summary>
    public string Version { get; init; } = "1.3.0";
    /// <summary>WMS only: largest WIDTH/HEIGHT asked of the upstream (its own MaxWidth/MaxHeight).</summary>
    public int MaxSize { get; init; } = 4096;
    public UpstreamPolicy Policy { get; init; } = new();
}

/// <summary>How requests to one upstream are made resilient.</summary>
public sealed record UpstreamPolicy
{
    /// <summary>Time allowed for one attempt (connect + response).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Time allowed for a whole request, retries included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries of an idempotent GET after a transient failure (5xx, 408, 429, network error, attempt timeout).</summary>
    public int MaxRetries { get; init; } = 2;
    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    /// <summary>The breaker opens when at least this many requests were sampled and <see cref="BreakerFailureRatio"/> of them failed.</summary>
    public int BreakerMinimumThroughput { get; init; } = 10;
    public double BreakerFailureRatio { get; init; } = 0.5;
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long the breaker stays open before one probe request is let through (half-open).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>Requests in flight to this upstream at once (others queue).</summary>
    public int MaxConcurrentRequests { get; init; } = 8;
    /// <summary>Interval of the background capabilities refresh.</summary>
    public TimeSpan CapabilitiesRefreshInterval { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Retry interval of the capabilities while they were never read (an upstream that starts late).</summary>
    public TimeSpan CapabilitiesRetryInterval { get; init; } = TimeSpan.FromSeconds(15);
}
