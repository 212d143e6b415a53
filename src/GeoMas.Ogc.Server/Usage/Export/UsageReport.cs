using System.Globalization;
using GeoMas.Ogc.Server.Usage.Stores;

namespace GeoMas.Ogc.Server.Usage.Export;

/// <summary>
/// Sums the stored counters over the grouped dimensions, or unions the client sketches per group (the distinct
/// clients of a month are not the sum of its days: a sketch union counts each client once).
/// </summary>
public static class UsageReport
{
    public static async Task<IReadOnlyList<UsageRow>> BuildAsync(IUsageStore store, UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        return query.Clients ? await ClientsAsync(store, query, cancellationToken).ConfigureAwait(false) : await CountersAsync(store, query, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<UsageRow>> CountersAsync(IUsageStore store, UsageQuery query, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, (string[] Values, long Requests, long Tiles, long Features, long Bytes)>(StringComparer.Ordinal);
        await foreach (var record in store.ReadCountersAsync(query.From, query.To, cancellationToken).ConfigureAwait(false))
        {
            var values = query.GroupBy.Select(d => ValueOf(record.Key, d)).ToArray();
            var id = string.Join('\u001f', values);
            var sums = groups.GetValueOrDefault(id, (values, 0, 0, 0, 0));
            groups[id] = (values, sums.Requests + record.Requests, sums.Tiles + record.Tiles, sums.Features + record.Features, sums.Bytes + record.Bytes);
        }
        return [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new UsageRow(g.Value.Values, g.Value.Requests, g.Value.Tiles, g.Value.Features, g.Value.Bytes, 0))];
    }

    private static async Task<IReadOnlyList<UsageRow>> ClientsAsync(IUsageStore store, UsageQuery query, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, (string[] Values, HyperLogLog Sketch)>(StringComparer.Ordinal);
        await foreach (var sketch in store.ReadClientsAsync(query.From, query.To, cancellationToken).ConfigureAwait(false))
        {
            var values = query.GroupBy.Select(d => d == UsageDimension.Day ? Day(sketch.Day) : sketch.Application).ToArray();
            var id = string.Join('\u001f', values);
            if (!groups.TryGetValue(id, out var group))
                groups[id] = group = (values, new HyperLogLog());
            group.Sketch.Merge(sketch.Registers);
        }
        return [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new UsageRow(g.Value.Values, 0, 0, 0, 0, g.Value.Sketch.Estimate()))];
    }

    private static string ValueOf(UsageKey key, UsageDimension dimension) => dimension switch
    {
        UsageDimension.Day => Day(key.Day),
        UsageDimension.Partner => key.Partner,
        UsageDimension.Principal => key.Principal,
        UsageDimension.Layer => key.Layer,
        UsageDimension.Protocol => key.Protocol,
        _ => "",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
