using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// Data revisions shared by every instance: <c>geomas:rev:{layer}</c> in Redis, moved with INCR, read into a local
/// table so that <see cref="Current"/> (on every tile request) never waits for the network. The table follows the
/// bumps announced on the invalidation channel, and is re-read at start, after a lost subscription, and every
/// <see cref="RefreshInterval"/> (pub/sub may lose a message; a stale revision would serve stale tiles).
/// </summary>
public sealed class RedisLayerRevisions : IRevisionStore
{
    private readonly InvalidationRedis _redis;
    private readonly ICatalogProvider _catalog;
    private readonly DataRevisions _revisions;
    private readonly ILogger _log;

    public RedisLayerRevisions(InvalidationRedis redis, ICatalogProvider catalog, ILayerRevisions configuration, ILogger log)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _revisions = new DataRevisions(configuration);
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    public static TimeSpan RefreshInterval { get; } = TimeSpan.FromSeconds(30);

    public static RedisKey KeyOf(string layerId) => "geomas:rev:" + layerId;

    public long Current(string layerId) => _revisions.Current(layerId);

    public async Task<IReadOnlyDictionary<string, long>> BumpAsync(IReadOnlyCollection<string> layerIds, CancellationToken cancellationToken)
    {
        var db = (await _redis.ConnectionAsync().ConfigureAwait(false)).GetDatabase();
        var bumped = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var layer in layerIds)
        {
            long next;
            try
            {
                next = await db.StringIncrementAsync(KeyOf(layer)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis down means no shared L2 either: a local bump keeps this instance's L1 honest; the shared
                // value takes over again at the next refresh (never lower than this one, see DataRevisions.Raise).
                next = _revisions.Data(layer) + 1;
                _log.LogError("Redis unavailable to bump the revision of {Layer} ({Error}); bumped locally to {Revision}", layer, ex.Message, next);
            }
            _revisions.Raise(layer, next);
            bumped[layer] = next;
        }
        return bumped;
    }

    public void Observe(IReadOnlyDictionary<string, long> revisions)
    {
        foreach (var (layer, revision) in revisions)
            _revisions.Raise(layer, revision);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var layers = _catalog.Current.Layers.Where(l => l.Kind != LayerKind.Group).Select(l => l.Id).ToArray();
        try
        {
            var redis = await _redis.ConnectionAsync().ConfigureAwait(false);
            var values = await redis.GetDatabase().StringGetAsync(layers.Select(KeyOf).ToArray()).ConfigureAwait(false);
            for (var i = 0; i < layers.Length; i++)
            {
                if (values[i].TryParse(out long revision))
                    _revisions.Raise(layers[i], revision);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _log.LogWarning("Could not read layer revisions from Redis ({Error}); keeping the known ones", ex.Message);
        }
    }
}
