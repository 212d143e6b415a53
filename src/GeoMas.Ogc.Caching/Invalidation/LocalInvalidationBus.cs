namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>A single instance without Redis (embedded default): nothing to share, every change is this instance's to purge.</summary>
public sealed class LocalInvalidationBus : IInvalidationBus
{
    public string InstanceId { get; } = Environment.MachineName + ":" + Environment.ProcessId;

    public Task<bool> TryClaimAsync(string changeId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task PublishAsync(InvalidationMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DrainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SubscribeAsync(Func<InvalidationMessage, Task> onMessage, Func<Task> onReconnected, CancellationToken cancellationToken) => Task.CompletedTask;
}
