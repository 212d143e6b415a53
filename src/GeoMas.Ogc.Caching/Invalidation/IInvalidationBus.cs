namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>Carries invalidations between server instances (and from the CLI to running servers).</summary>
public interface IInvalidationBus
{
    /// <summary>This process' id in messages.</summary>
    string InstanceId { get; }

    /// <summary>
    /// Every instance LISTENs to PostgreSQL and so receives every change: the first to claim a change id purges the
    /// shared store for it and tells the others; the others drop it. True also when the claim cannot be checked
    /// (purging twice is harmless, not purging is stale tiles).
    /// </summary>
    Task<bool> TryClaimAsync(string changeId, CancellationToken cancellationToken);

    Task PublishAsync(InvalidationMessage message, CancellationToken cancellationToken);

    /// <summary>Publishes what could not be published yet, before the server stops (bounded by <paramref name="cancellationToken"/>).</summary>
    Task DrainAsync(CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onMessage"/> for messages of other instances; <paramref name="onReconnected"/> after a lost subscription came back (messages may have been missed).</summary>
    Task SubscribeAsync(Func<InvalidationMessage, Task> onMessage, Func<Task> onReconnected, CancellationToken cancellationToken);
}
