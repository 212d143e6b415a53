namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// The <c>usage</c> section: usage metering (requests, tiles, features and bytes per partner, principal, layer,
/// protocol and UTC day; distinct clients per application and day). Counted in memory, flushed every
/// <see cref="FlushIntervalSeconds"/> and at shutdown, to PostgreSQL when <see cref="ConnectionString"/> is set,
/// otherwise to JSON-lines files in <see cref="Directory"/>.
/// </summary>
public sealed class UsageOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two flushes of the in-memory counters to the store.</summary>
    public int FlushIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Folder of the file store (one <c>usage-YYYY-MM-DD.jsonl</c> per day), relative to the configuration folder;
    /// default: <c>geomas/usage</c> under the user's local application data (~/.local/share on Linux).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>PostgreSQL connection string (<c>${GEOMAS_PG}</c> expanded); when set, the store is PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Schema of the PostgreSQL tables (created if missing).</summary>
    public string Schema { get; set; } = "public";

    /// <summary>Counters table; the distinct-client sketches go to <c>&lt;table&gt;_clients</c>.</summary>
    public string Table { get; set; } = "geomas_usage";

    /// <summary>Rows upserted per statement.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Distinct counter keys kept in memory between flushes; past it, new keys are counted under the layer
    /// <c>(other)</c>, so a flood of layer combinations cannot grow memory without bound.
    /// </summary>
    public int MaxKeys { get; set; } = 100_000;
}
