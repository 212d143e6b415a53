using GeoMas.Ogc.Server.Usage;

namespace GeoMas.Ogc.Integration.Tests.Usage;

public class UsageAggregatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static UsageKey Key(string partner, string layer, string protocol = "xyz", DateOnly? day = null) =>
        new(day ?? Today, partner, partner.Length == 0 ? "" : "key:" + partner, layer, protocol);

    [Fact]
    public void Counts_add_up_per_key_and_a_drain_empties_them()
    {
        var aggregator = new UsageAggregator(1000);
        aggregator.Record(Key("a", "communes"), 1, 1, 0, 100);
        aggregator.Record(Key("a", "communes"), 1, 1, 0, 250);
        aggregator.Record(Key("b", "communes"), 1, 0, 7, 40);

        var batch = aggregator.Drain(Today);

        Assert.Equal(2, batch.Counters.Count);
        var a = Assert.Single(batch.Counters, r => r.Key.Partner == "a");
        Assert.Equal((2L, 2L, 0L, 350L), (a.Requests, a.Tiles, a.Features, a.Bytes));
        var b = Assert.Single(batch.Counters, r => r.Key.Partner == "b");
        Assert.Equal((1L, 0L, 7L, 40L), (b.Requests, b.Tiles, b.Features, b.Bytes));
        Assert.Empty(aggregator.Drain(Today).Counters);
    }

    [Fact]
    public async Task Concurrent_requests_and_drains_lose_and_double_nothing()
    {
        var aggregator = new UsageAggregator(1000);
        var drained = new List<UsageRecord>();
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (drained)
                    drained.AddRange(aggregator.Drain(Today).Counters);
                await Task.Yield();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
                aggregator.Record(Key("p" + (i % 3), "communes"), 1, 1, 2, 10);
        })));
        await stop.CancelAsync();
        await drainer;
        drained.AddRange(aggregator.Drain(Today).Counters);

        Assert.Equal(200_000, drained.Sum(r => r.Requests));
        Assert.Equal(200_000, drained.Sum(r => r.Tiles));
        Assert.Equal(400_000, drained.Sum(r => r.Features));
        Assert.Equal(2_000_000, drained.Sum(r => r.Bytes));
    }

    [Fact]
    public void A_failed_write_is_restored_into_the_next_batch()
    {
        var aggregator = new UsageAggregator(1000);
        aggregator.Record(Key("a", "communes"), 1, 1, 0, 100);
        aggregator.Client(Today, "public", 42);
        var failed = aggregator.Drain(Today);
        aggregator.Record(Key("a", "communes"), 1, 1, 0, 5);

        aggregator.Restore(failed);
        var retried = aggregator.Drain(Today);

        var record = Assert.Single(retried.Counters);
        Assert.Equal((2L, 105L), (record.Requests, record.Bytes));
        Assert.Equal(1, HyperLogLog.Estimate(Assert.Single(retried.Clients).Registers));
    }

    [Fact]
    public void Keys_past_the_limit_are_counted_under_the_overflow_layer()
    {
        var aggregator = new UsageAggregator(2);
        aggregator.Record(Key("a", "l1"), 1, 0, 0, 0);
        aggregator.Record(Key("a", "l2"), 1, 0, 0, 0);
        aggregator.Record(Key("a", "l3"), 1, 0, 0, 0);
        aggregator.Record(Key("a", "l4"), 1, 0, 0, 0);
        aggregator.Record(Key("a", "l1"), 1, 0, 0, 0);

        var batch = aggregator.Drain(Today);

        Assert.Equal(2, batch.Counters.Single(r => r.Key.Layer == "l1").Requests);
        Assert.Equal(2, batch.Counters.Single(r => r.Key.Layer == UsageAggregator.OverflowLayer).Requests);
        Assert.Equal(4, batch.Counters.Sum(r => r.Requests) - 1);
    }

    [Fact]
    public void Old_days_are_dropped_once_drained_but_yesterday_is_kept()
    {
        var aggregator = new UsageAggregator(2);
        aggregator.Record(Key("a", "old", day: Today.AddDays(-3)), 1, 0, 0, 0);
        aggregator.Record(Key("a", "yesterday", day: Today.AddDays(-1)), 1, 0, 0, 0);
        Assert.Equal(2, aggregator.Drain(Today).Counters.Count);
        aggregator.Drain(Today); // drops the old key, freeing its place

        aggregator.Record(Key("a", "new"), 1, 0, 0, 0);

        var batch = aggregator.Drain(Today);
        Assert.Equal("new", Assert.Single(batch.Counters).Key.Layer);
    }

    [Fact]
    public void Only_sketches_with_new_clients_are_flushed()
    {
        var aggregator = new UsageAggregator(10);
        aggregator.Client(Today, "key:geotrek", StableHash.Of("10.0.0.1"));
        aggregator.Client(Today, "key:geotrek", StableHash.Of("10.0.0.2"));
        Assert.Equal(2, HyperLogLog.Estimate(Assert.Single(aggregator.Drain(Today).Clients).Registers));

        aggregator.Client(Today, "key:geotrek", StableHash.Of("10.0.0.1"));
        Assert.Empty(aggregator.Drain(Today).Clients);
    }
}
