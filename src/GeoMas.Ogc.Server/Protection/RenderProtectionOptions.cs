namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// <c>protection.renders</c>: how long renders wait for a slot, and the bulk lane. The slots and the queue length
/// themselves are <c>limits.maxConcurrentRenders</c> / <c>limits.maxQueuedRenders</c>.
/// </summary>
public sealed class RenderProtectionOptions
{
    /// <summary>Longest wait for a render slot before 503 + Retry-After (capped by limits.renderTimeoutSeconds).</summary>
    public double QueueTimeoutSeconds { get; set; } = 10;

    /// <summary>Renders of bulk clients and seeding running at once (each also holds a main slot).</summary>
    public int BulkConcurrentRenders { get; set; } = 1;

    /// <summary>Bulk renders waiting, at most; beyond it a bulk cache miss gets 503 + Retry-After at once.</summary>
    public int BulkQueuedRenders { get; set; } = 16;

    /// <summary>Longest wait of a bulk render for its lane.</summary>
    public double BulkQueueTimeoutSeconds { get; set; } = 10;
}
