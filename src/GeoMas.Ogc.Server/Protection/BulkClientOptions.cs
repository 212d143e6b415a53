namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// <c>protection.bulkClients</c>: who counts as a bulk tile client (Geotrek mobile sync pulling z0–16) besides API
/// keys with <c>bulk: true</c>. Their cached tiles are served at full speed; their cache misses go through the bulk
/// render lane.
/// </summary>
public sealed class BulkClientOptions
{
    /// <summary>Regular expressions (case-insensitive) on User-Agent; a match makes the request bulk.</summary>
    public List<string> UserAgentPatterns { get; set; } = [];
}
