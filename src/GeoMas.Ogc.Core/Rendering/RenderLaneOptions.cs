namespace GeoMas.Ogc.Core.Rendering;

/// <summary>Waiting rules of the <see cref="RenderGate"/> beyond <see cref="Catalog.ServiceLimits"/>'s slots and queue.</summary>
public sealed record RenderLaneOptions
{
    /// <summary>Longest wait for a main-lane slot before a 503 (null = the render timeout).</summary>
    public TimeSpan? QueueTimeout { get; init; }

    /// <summary>Bulk renders running at once (each also takes a main slot, so this many is all bulk can ever hold).</summary>
    public int BulkConcurrentRenders { get; init; } = 1;

    /// <summary>Bulk renders waiting for the bulk lane, at most; beyond it a bulk miss is refused at once.</summary>
    public int BulkQueuedRenders { get; init; } = 16;

    /// <summary>Longest wait for a bulk-lane slot before a 503.</summary>
    public TimeSpan BulkQueueTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
