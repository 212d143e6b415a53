namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>Configurable protections (see <see cref="ServiceLimits"/>); null keeps the default.</summary>
public sealed class LimitsOptions
{
    public int? MaxWidth { get; set; }
    public int? MaxHeight { get; set; }
    public int? LayerLimit { get; set; }
    public int? MaxFeaturesPerMap { get; set; }
    public int? MaxFeatureInfoCount { get; set; }
    public double? RenderTimeoutSeconds { get; set; }
    /// <summary>0 = 2 × processor count.</summary>
    public int? MaxConcurrentRenders { get; set; }
    public int? MaxQueuedRenders { get; set; }
    public double? QueryTimeoutSeconds { get; set; }
    public int? MaxFeaturesPerPage { get; set; }
    public int? DefaultFeaturesPerPage { get; set; }
    public int? MaxFeaturesPerDownload { get; set; }
}
