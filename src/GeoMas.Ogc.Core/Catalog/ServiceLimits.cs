namespace GeoMas.Ogc.Core.Catalog;

/// <summary>Configurable protections; every one is enforced, and the advertised ones (MaxWidth, MaxHeight, LayerLimit) are honoured.</summary>
public sealed record ServiceLimits
{
    public int MaxWidth { get; init; } = 4096;
    public int MaxHeight { get; init; } = 4096;
    public int LayerLimit { get; init; } = 20;
    /// <summary>Features drawn per layer in one map, at most; beyond it the render stops drawing that layer (logged).</summary>
    public int MaxFeaturesPerMap { get; init; } = 200_000;
    public int MaxFeatureInfoCount { get; init; } = 50;
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>0 = 2 × processor count.</summary>
    public int MaxConcurrentRenders { get; init; }
    public int MaxQueuedRenders { get; init; } = 200;
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Most features one page of a feature response holds (OGC API <c>limit</c> maximum, advertised in OpenAPI).</summary>
    public int MaxFeaturesPerPage { get; init; } = 10_000;
    /// <summary>Features per page when the client names no limit (OGC API <c>limit</c> default).</summary>
    public int DefaultFeaturesPerPage { get; init; } = 10;
    /// <summary>Most features one download (OGC API items as CSV or FlatGeobuf without a limit) exports.</summary>
    public int MaxFeaturesPerDownload { get; init; } = 2_000_000;

    public int EffectiveConcurrentRenders => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : 2 * Environment.ProcessorCount;
}
