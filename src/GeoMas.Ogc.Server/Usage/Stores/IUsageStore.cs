namespace GeoMas.Ogc.Server.Usage.Stores;

/// <summary>Where metering persists: counters are added to the stored ones, sketches merged into them.</summary>
public interface IUsageStore
{
    Task WriteAsync(UsageBatch batch, CancellationToken cancellationToken);

    /// <summary>Stored counters of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    IAsyncEnumerable<UsageRecord> ReadCountersAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Stored sketches of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    IAsyncEnumerable<ClientSketch> ReadClientsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
