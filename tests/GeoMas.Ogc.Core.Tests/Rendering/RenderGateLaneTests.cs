using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Core.Tests.Rendering;

/// <summary>The bulk and background lanes of the render gate, and the wait bound of the main lane.</summary>
public sealed class RenderGateLaneTests
{
    private static readonly ServiceLimits TwoSlots = new() { MaxConcurrentRenders = 2, MaxQueuedRenders = 10, RenderTimeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts a render in <paramref name="priority"/>'s lane that holds its slot until <paramref name="release"/>.</summary>
    private static (Task Render, Task Started) Hold(RenderGate gate, RenderPriority priority, Task release)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var render = Task.Run(() =>
        {
            RenderLane.Current = priority;
            return gate.RunAsync(async ct =>
            {
                started.TrySetResult();
                await release.WaitAsync(ct);
            }, default);
        });
        return (render, started.Task);
    }

    private static Task RunAs(RenderGate gate, RenderPriority priority, Func<CancellationToken, Task> render) => Task.Run(() =>
    {
        RenderLane.Current = priority;
        return gate.RunAsync(render, default);
    });

    [Fact]
    public async Task With_the_bulk_lane_full_an_interactive_render_runs_at_once_and_a_bulk_one_is_refused()
    {
        using var gate = new RenderGate(TwoSlots, new RenderLaneOptions { BulkConcurrentRenders = 1, BulkQueuedRenders = 1, BulkQueueTimeout = TimeSpan.FromSeconds(30) });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (running, started) = Hold(gate, RenderPriority.Bulk, release.Task);
        await started;
        var (queued, _) = Hold(gate, RenderPriority.Bulk, release.Task);
        while (gate.BulkInFlight < 2)
            await Task.Delay(5);

        // The interactive render does not wait behind the bulk ones: a main slot is free for it.
        var interactive = RunAs(gate, RenderPriority.Interactive, _ => Task.CompletedTask);
        Assert.Same(interactive, await Task.WhenAny(interactive, Task.Delay(TimeSpan.FromSeconds(30))));
        await interactive;

        var refused = await Assert.ThrowsAsync<ServiceException>(() => RunAs(gate, RenderPriority.Bulk, _ => Task.CompletedTask));
        Assert.Equal(ErrorKind.Unavailable, refused.Kind);
        Assert.Contains("bulk", refused.Message, StringComparison.Ordinal);

        release.SetResult();
        await Task.WhenAll(running, queued);
        Assert.Equal(0, gate.BulkInFlight);
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task Bulk_renders_never_take_more_main_slots_than_their_lane()
    {
        using var gate = new RenderGate(TwoSlots, new RenderLaneOptions { BulkConcurrentRenders = 1, BulkQueuedRenders = 10 });
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

        var bulk = Enumerable.Range(0, 4).Select(_ => RunAs(gate, RenderPriority.Bulk, Work)).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((gate.BulkInFlight < 4 || Volatile.Read(ref running) == 0) && DateTime.UtcNow < deadline)
            await Task.Delay(5);
        // One is running; a while later, still no second one has been let in.
        await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref running));

        release.SetResult();
        await Task.WhenAll(bulk);
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task A_bulk_render_waits_at_most_the_bulk_queue_timeout()
    {
        using var gate = new RenderGate(TwoSlots, new RenderLaneOptions { BulkConcurrentRenders = 1, BulkQueuedRenders = 5, BulkQueueTimeout = TimeSpan.FromMilliseconds(100) });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (running, started) = Hold(gate, RenderPriority.Bulk, release.Task);
        await started;

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<ServiceException>(() => RunAs(gate, RenderPriority.Bulk, _ => Task.CompletedTask));
        Assert.Equal(ErrorKind.Unavailable, refused.Kind);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(90), "refused after " + waited.Elapsed);

        release.SetResult();
        await running;
    }

    [Fact]
    public async Task An_interactive_render_waits_at_most_the_queue_timeout()
    {
        using var gate = new RenderGate(new ServiceLimits { MaxConcurrentRenders = 1, MaxQueuedRenders = 10, RenderTimeout = TimeSpan.FromSeconds(30) },
            new RenderLaneOptions { QueueTimeout = TimeSpan.FromMilliseconds(100) });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (running, started) = Hold(gate, RenderPriority.Interactive, release.Task);
        await started;

        var refused = await Assert.ThrowsAsync<ServiceException>(() => RunAs(gate, RenderPriority.Interactive, _ => Task.CompletedTask));
        Assert.Equal(ErrorKind.Unavailable, refused.Kind);
        Assert.Contains("No render slot", refused.Message, StringComparison.Ordinal);

        release.SetResult();
        await running;
        await RunAs(gate, RenderPriority.Interactive, _ => Task.CompletedTask); // the slot was given back
    }

    [Fact]
    public async Task Background_work_waits_past_the_timeouts_and_a_full_queue_instead_of_being_refused()
    {
        using var gate = new RenderGate(TwoSlots, new RenderLaneOptions
        {
            QueueTimeout = TimeSpan.FromMilliseconds(20),
            BulkConcurrentRenders = 1,
            BulkQueuedRenders = 0,
            BulkQueueTimeout = TimeSpan.FromMilliseconds(20),
        });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (running, started) = Hold(gate, RenderPriority.Background, release.Task);
        await started;

        var ran = false;
        var waiting = RunAs(gate, RenderPriority.Background, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        release.SetResult();
        await Task.WhenAll(running, waiting);
        Assert.True(ran);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
