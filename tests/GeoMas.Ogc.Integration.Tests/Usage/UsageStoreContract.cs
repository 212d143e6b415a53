using GeoMas.Ogc.Server.Usage;
using GeoMas.Ogc.Server.Usage.Stores;

namespace GeoMas.Ogc.Integration.Tests.Usage;

/// <summary>What every usage store does, run against the file store and against PostgreSQL.</summary>
public abstract class UsageStoreContract
{
    protected static readonly DateOnly Monday = new(2026, 11, 23);
    protected static readonly DateOnly Tuesday = new(2026, 11, 24);

    protected abstract IUsageStore Store { get; }

    protected static UsageRecord Record(DateOnly day, string partner, string layer, string protocol, long requests, long tiles, long features, long bytes) =>
        new(new UsageKey(day, partner, partner.Length == 0 ? "" : "key:" + partner, layer, protocol), requests, tiles, features, bytes);

    private async Task<List<UsageRecord>> ReadAsync(DateOnly from, DateOnly to)
    {
        var records = new List<UsageRecord>();
        await foreach (var record in Store.ReadCountersAsync(from, to, CancellationToken.None))
            records.Add(record);
        return records;
    }

    [Fact]
    public async Task Flushes_add_to_the_stored_counters()
    {
        await Store.WriteAsync(new UsageBatch([Record(Monday, "ca-gap", "communes", "xyz", 3, 3, 0, 3000), Record(Monday, "", "communes", "wms", 1, 0, 0, 500)], []), default);
        await Store.WriteAsync(new UsageBatch([Record(Monday, "ca-gap", "communes", "xyz", 2, 2, 0, 1500), Record(Tuesday, "ca-gap", "parcelles", "wfs", 1, 0, 40, 9000)], []), default);

        var monday = await ReadAsync(Monday, Monday);
        var tiles = Assert.Single(monday, r => r.Key.Partner == "ca-gap");
        Assert.Equal((5L, 5L, 0L, 4500L), (tiles.Requests, tiles.Tiles, tiles.Features, tiles.Bytes));
        Assert.Equal("key:ca-gap", tiles.Key.Principal);
        var anonymous = Assert.Single(monday, r => r.Key.Partner == "");
        Assert.Equal(("communes", "wms", 1L, 500L), (anonymous.Key.Layer, anonymous.Key.Protocol, anonymous.Requests, anonymous.Bytes));

        var both = await ReadAsync(Monday, Tuesday);
        Assert.Equal(3, both.Count);
        Assert.Equal(40, both.Single(r => r.Key.Day == Tuesday).Features);
        Assert.Empty(await ReadAsync(Tuesday.AddDays(1), Tuesday.AddDays(7)));
    }

    [Fact]
    public async Task Client_sketches_merge_into_the_stored_ones()
    {
        var first = new HyperLogLog();
        var second = new HyperLogLog();
        for (var i = 0; i < 30; i++)
            first.Add(StableHash.Of("c" + i));
        for (var i = 20; i < 50; i++)
            second.Add(StableHash.Of("c" + i));

        await Store.WriteAsync(new UsageBatch([], [new ClientSketch(Monday, "key:geotrek", first.ToArray()), new ClientSketch(Monday, "public", first.ToArray())]), default);
        await Store.WriteAsync(new UsageBatch([], [new ClientSketch(Monday, "key:geotrek", second.ToArray())]), default);
        // The same sketch again (a retried flush) counts nobody twice.
        await Store.WriteAsync(new UsageBatch([], [new ClientSketch(Monday, "key:geotrek", second.ToArray())]), default);

        var sketches = new List<ClientSketch>();
        await foreach (var sketch in Store.ReadClientsAsync(Monday, Monday, default))
            sketches.Add(sketch);
        Assert.Equal(50, HyperLogLog.Estimate(sketches.Single(s => s.Application == "key:geotrek").Registers));
        Assert.Equal(30, HyperLogLog.Estimate(sketches.Single(s => s.Application == "public").Registers));
    }

    [Fact]
    public async Task Text_with_quotes_commas_and_accents_survives()
    {
        await Store.WriteAsync(new UsageBatch([Record(Monday, "parc \"écrins\", hautes-alpes", "a,b", "wms", 1, 0, 0, 1)], []), default);

        var record = Assert.Single(await ReadAsync(Monday, Monday));
        Assert.Equal("parc \"écrins\", hautes-alpes", record.Key.Partner);
        Assert.Equal("a,b", record.Key.Layer);
    }
}
