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
        await using var proxy = new CuttableTcpProxy(_redis.Port);
        await using var subscriberRedis = new InvalidationRedis(_redis.Configuration);
        await using var publisherRedis = new InvalidationRedis($"127.0.0.1:{proxy.Port},connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000");
        var log = new ListLogger<RedisInvalidationBus>();
        var subscriber = new RedisInvalidationBus(subscriberRedis, log);
        var publisher = new RedisInvalidationBus(publisherRedis, log);
        var received = Channel.CreateUnbounded<InvalidationMessage>();
        await subscriber.SubscribeAsync(m => received.Writer.WriteAsync(m).AsTask(), () => Task.CompletedTask, CancellationToken.None);

        await publisher.PublishAsync(Message(publisher, "a"), CancellationToken.None);
        Assert.Equal("a", await NextAsync(received));

        proxy.Cut();
        await publisher.PublishAsync(Message(publisher, "b"), CancellationToken.None);
        await publisher.PublishAsync(Message(publisher, "c"), CancellationToken.None);
        Assert.Equal(2, publisher.Unsent);
        Assert.Equal(1, log.Count(Microsoft.Extensions.Logging.LogLevel.Error));

        proxy.Restore();
        // At least once, in order: a publish that timed out during the cut may still leave StackExchange.Redis's
        // backlog when the connection is back, before the retry sends it again.
        Assert.Equal("b", await NextAsync(received));
        Assert.Equal("c", await NextAsync(received, after: "b"));
        // Taken off the queue once Redis acknowledged it, which may be just after the subscriber got it.
        for (var i = 0; i < 100 && publisher.Unsent > 0; i++)
            await Task.Delay(50);
        Assert.Equal(0, publisher.Unsent);
    }

    [Fact]
    public async Task At_shutdown_what_is_unsent_is_published_if_Redis_answers_in_time_and_reported_lost_if_not()
    {
        await using var proxy = new CuttableTcpProxy(_redis.Port);
        await using var subscriberRedis = new InvalidationRedis(_redis.Configuration);
        await using var publisherRedis = new InvalidationRedis($"127.0.0.1:{proxy.Port},connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000");
        var log = new ListLogger<RedisInvalidationBus>();
        var subscriber = new RedisInvalidationBus(subscriberRedis, log);
        var publisher = new RedisInvalidationBus(publisherRedis, log);
        var received = Channel.CreateUnbounded<InvalidationMessage>();
        await subscriber.SubscribeAsync(m => received.Writer.WriteAsync(m).AsTask(), () => Task.CompletedTask, CancellationToken.None);
        await publisher.PublishAsync(Message(publisher, "a"), CancellationToken.None);
        Assert.Equal("a", await NextAsync(received));

        proxy.Cut();
        await publisher.PublishAsync(Message(publisher, "b"), CancellationToken.None);
        using (var tooShort = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            await publisher.DrainAsync(tooShort.Token);
        Assert.Equal(1, publisher.Unsent);
        Assert.Contains(log.Entries, e => e.Message.Contains("could not be published before the server stopped", StringComparison.Ordinal));

        proxy.Restore();
        using (var enough = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await publisher.DrainAsync(enough.Token);
        // The drain returns once the queue is empty, sent by it or by the retry loop. A publish the too-short drain
        // gave up on may still reach Redis once it answers: delivery is at least once, and dropping positions twice
        // is harmless.
        Assert.Equal(0, publisher.Unsent);
        Assert.Equal("b", await NextAsync(received));
    }

    private static InvalidationMessage Message(RedisInvalidationBus from, string tag) =>
        new(from.InstanceId, [$"parcelles/WebMercatorQuad/17/{tag}/1"], new Dictionary<string, long>());

    /// <summary>The next message's tag, skipping repeats of <paramref name="after"/> (delivery is at least once).</summary>
    private static async Task<string> NextAsync(Channel<InvalidationMessage> received, string? after = null)
    {
        while (true)
        {
            var message = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            var tag = message.Positions.Single().Split('/')[3];
            if (tag != after)
                return tag;
        }
    }
}
