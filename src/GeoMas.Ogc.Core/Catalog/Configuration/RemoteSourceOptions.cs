namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// The <c>remote</c> section of a <c>remote-wmts</c> or <c>remote-wms</c> source (a cascaded upstream service).
/// <c>url</c> accepts <c>${VAR}</c> like connection strings (API keys stay out of the repository).
/// </summary>
public sealed class RemoteSourceOptions
{
    /// <summary>WMTS: the GetCapabilities URL. WMS: the service URL.</summary>
    public string? Url { get; set; }
    /// <summary>WMTS: the layer identifier. WMS: comma-separated layer names.</summary>
    public string? Layers { get; set; }
    /// <summary>WMTS: the style identifier. WMS: comma-separated styles.</summary>
    public string? Styles { get; set; }
    /// <summary>WMTS: the tile matrix set identifier.</summary>
    public string? TileMatrixSet { get; set; }
    /// <summary>WMTS: auto (default: REST when offered), kvp or rest.</summary>
    public string? RequestEncoding { get; set; }
    /// <summary>image/png (default) or image/jpeg.</summary>
    public string? Format { get; set; }
    /// <summary>WMS: EPSG code of the GetMap CRS.</summary>
    public int? Srid { get; set; }
    /// <summary>WMS: 1.3.0 (default) or 1.1.1.</summary>
    public string? Version { get; set; }
    /// <summary>WMS: largest WIDTH/HEIGHT asked of the upstream.</summary>
    public int? MaxSize { get; set; }
    public double? TimeoutSeconds { get; set; }
    public double? TotalTimeoutSeconds { get; set; }
    public int? Retries { get; set; }
    public double? RetryDelayMilliseconds { get; set; }
    public int? BreakerMinimumThroughput { get; set; }
    public double? BreakerFailureRatio { get; set; }
    public double? BreakerSamplingSeconds { get; set; }
    public double? BreakSeconds { get; set; }
    public int? MaxConcurrentRequests { get; set; }
    public double? CapabilitiesRefreshSeconds { get; set; }
    public double? CapabilitiesRetrySeconds { get; set; }
}
