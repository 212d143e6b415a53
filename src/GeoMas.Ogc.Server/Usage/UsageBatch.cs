namespace GeoMas.Ogc.Server.Usage;

/// <summary>What one flush writes: counter increments (added to the stored ones) and sketches (merged into them).</summary>
public sealed record UsageBatch(IReadOnlyList<UsageRecord> Counters, IReadOnlyList<ClientSketch> Clients)
{
    public bool IsEmpty => Counters.Count == 0 && Clients.Count == 0;
}
