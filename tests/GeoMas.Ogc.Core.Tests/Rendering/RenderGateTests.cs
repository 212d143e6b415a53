using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Core.Tests.Rendering;

public sealed class RenderGateTests
{
    [Fact]
    public async Task Runs_at_most_the_concurrency_queues_the_rest_and_refuses_beyond_the_queue()
    {
        using var gate = new RenderGate(new ServiceLimits { MaxConcurrentRenders = 2, MaxQueuedRenders = 1, RenderTimeout = TimeSpan.FromSeconds(30) });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var peak = 0;
        async Task Work(CancellationToken ct)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
        }

        var admitted = Enumerable.Range(0, 3).Select(_ => gate.RunAsync(Work, default)).ToArray();
        while (Volatile.Read(ref running) < 2)
            await Task.Delay(5);
        Assert.Equal(3, gate.InFlight);

        var refused = await Assert.ThrowsAsync<ServiceException>(() => gate.RunAsync(Work, default));
        Assert.Equal(ErrorKind.Unavailable, refused.Kind);

        release.SetResult();
        await Task.WhenAll(admitted);
        Assert.Equal(2, peak);
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task A_render_past_the_timeout_is_cancelled_and_reported_unavailable()
    {
        using var gate = new RenderGate(new ServiceLimits { MaxConcurrentRenders = 1, RenderTimeout = TimeSpan.FromMilliseconds(50) });
        var error = await Assert.ThrowsAsync<ServiceException>(() => gate.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), default));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal(0, gate.InFlight);
        await gate.RunAsync(_ => Task.CompletedTask, default); // the slot was given back
    }

    [Fact]
    public async Task A_render_that_never_looks_at_the_token_but_overruns_is_still_reported_unavailable()
    {
        using var gate = new RenderGate(new ServiceLimits { MaxConcurrentRenders = 1, RenderTimeout = TimeSpan.FromMilliseconds(20) });

        // Synchronous work that ignores the token: the deadline timer may never get a thread to fire on.
        var error = await Assert.ThrowsAsync<ServiceException>(() => gate.RunAsync(_ =>
        {
            Thread.Sleep(100);
            return Task.CompletedTask;
        }, CancellationToken.None));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Contains("did not finish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        using var gate = new RenderGate(new ServiceLimits { MaxConcurrentRenders = 1 });
        using var cts = new CancellationTokenSource(20);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), cts.Token));
    }

    [Fact]
    public void Default_concurrency_is_twice_the_cores() =>
        Assert.Equal(2 * Environment.ProcessorCount, new RenderGate(new ServiceLimits()).ConcurrentRenders);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
