using System.Net;
using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// Files one metered request: its counters under day, partner, principal, layer and protocol, and its client under
/// the application it came through. Shared by <see cref="UsageMiddleware"/> and the cached-tile fast path, so a tile
/// answered before the middleware counts exactly as one answered through it.
/// </summary>
public sealed class UsageMeter(UsageAggregator aggregator, TimeProvider time)
{
    /// <summary>The UTC day a request counts on (the day it arrived).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public void Record(DateOnly day, AccessPrincipal principal, string layer, string protocol, long tiles, long features, long bytes, IPAddress? remote)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var key = new UsageKey(day, principal.Partner ?? "", principal.IsAnonymous ? "" : principal.Id, layer, protocol);
        aggregator.Record(key, 1, tiles, features, bytes);
        aggregator.Client(day, UsageClients.ApplicationOf(principal), UsageClients.ClientOf(principal, remote));
    }
}
