using System.Threading.Channels;
using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Caching.Tests.Support;

namespace GeoMas.Ogc.Caching.Tests.Invalidation;

/// <summary>The invalidation bus on a real Redis of the test's own (redis-server on a free port).</summary>
public sealed class RedisInvalidationBusTests : IAsyncLifetime
{
    private readonly RedisServerProcess _redis = new();

    public Task InitializeAsync()
    {
        _redis.Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _redis.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_message_that_could_not_be_published_is_published_in_order_once_Redis_answers_again()
    {
        // Redis stays up and the other instance keeps its subscription: only this instance's way to Redis is cut,
        // so nothing but the retry can bring it the purged positions.
        await using var instances = await TwoInstances.StartAsync(_redis.Port);
        var publisher = instances.Publisher;

        instances.Proxy.Cut();
        await instances.PublishAsync("b");
        await instances.PublishAsync("c");
        Assert.Equal(2, publisher.Unsent);
        Assert.Equal(1, instances.Log.Count(Microsoft.Extensions.Logging.LogLevel.Error));

        instances.Proxy.Restore();
        // At least once, in order: a publish that timed out during the cut may still leave StackExchange.Redis's
        // backlog when the connection is back, before the retry sends it again.
        Assert.Equal("b", await instances.NextAsync());
        Assert.Equal("c", await instances.NextAsync(after: "b"));
        // Taken off the queue once Redis acknowledged it, which may be just after the subscriber got it.
        for (var i = 0; i < 100 && publisher.Unsent > 0; i++)
            await Task.Delay(50);
        Assert.Equal(0, publisher.Unsent);
    }

    [Fact]
    public async Task At_shutdown_what_is_unsent_is_published_if_Redis_answers_in_time_and_reported_lost_if_not()
    {
        await using var instances = await TwoInstances.StartAsync(_redis.Port);
        var publisher = instances.Publisher;

        instances.Proxy.Cut();
        await instances.PublishAsync("b");
        using (var tooShort = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            await publisher.DrainAsync(tooShort.Token);
        Assert.Equal(1, publisher.Unsent);
        Assert.Contains(instances.Log.Entries, e => e.Message.Contains("could not be published before the server stopped", StringComparison.Ordinal));

        instances.Proxy.Restore();
        using (var enough = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await publisher.DrainAsync(enough.Token);
        // The drain returns once the queue is empty, sent by it or by the retry loop. A publish the too-short drain
        // gave up on may still reach Redis once it answers: delivery is at least once, and dropping positions twice
        // is harmless.
        Assert.Equal(0, publisher.Unsent);
        Assert.Equal("b", await instances.NextAsync());
    }

    /// <summary>
    /// A publishing instance whose way to Redis goes through a cuttable proxy, and a subscribing one connected
    /// directly; started once a first message went through.
    /// </summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private readonly InvalidationRedis _publisherRedis;
        private readonly InvalidationRedis _subscriberRedis;
        private readonly Channel<InvalidationMessage> _received = Channel.CreateUnbounded<InvalidationMessage>();

        private TwoInstances(int redisPort)
        {
            Proxy = new CuttableTcpProxy(redisPort);
            _publisherRedis = new InvalidationRedis($"127.0.0.1:{Proxy.Port},connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000");
            _subscriberRedis = new InvalidationRedis($"127.0.0.1:{redisPort}");
            Publisher = new RedisInvalidationBus(_publisherRedis, Log);
            Subscriber = new RedisInvalidationBus(_subscriberRedis, Log);
        }

        public CuttableTcpProxy Proxy { get; }

        public ListLogger<RedisInvalidationBus> Log { get; } = new();

        public RedisInvalidationBus Publisher { get; }

        public RedisInvalidationBus Subscriber { get; }

        public static async Task<TwoInstances> StartAsync(int redisPort)
        {
            var instances = new TwoInstances(redisPort);
            await instances.Subscriber.SubscribeAsync(m => instances._received.Writer.WriteAsync(m).AsTask(), () => Task.CompletedTask, CancellationToken.None);
            await instances.PublishAsync("a");
            Assert.Equal("a", await instances.NextAsync());
            return instances;
        }

        public Task PublishAsync(string tag) =>
            Publisher.PublishAsync(new InvalidationMessage(Publisher.InstanceId, [$"parcelles/WebMercatorQuad/17/{tag}/1"], new Dictionary<string, long>()), CancellationToken.None);

        /// <summary>The next message's tag, skipping repeats of <paramref name="after"/> (delivery is at least once).</summary>
        public async Task<string> NextAsync(string? after = null)
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
                var tag = message.Positions.Single().Split('/')[3];
                if (tag != after)
                    return tag;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _publisherRedis.DisposeAsync();
            await _subscriberRedis.DisposeAsync();
            await Proxy.DisposeAsync();
        }
    }
}
