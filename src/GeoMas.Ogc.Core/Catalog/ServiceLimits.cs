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

    public int EffectiveConcurrentRenders => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : 2 * Environment.ProcessorCount;
}
