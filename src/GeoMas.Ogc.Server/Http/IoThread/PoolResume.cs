namespace GeoMas.Ogc.Server.Http.IoThread;

/// <summary>
/// Completes an operation on the connection on a pool thread. With inline completions, a read of the request body that
/// had to wait completes on the socket event thread, and so would the code awaiting it, whatever its
/// <c>ConfigureAwait</c>. The operations that complete at once are returned as they are, at no cost. (A response flush
/// that waited for a slow client already resumes on the pool: Kestrel's send loop wakes it from there;
/// InlineSchedulingTests checks that it still does.)
/// </summary>
internal static class PoolResume
{
    public static ValueTask<T> After<T>(ValueTask<T> pending) => pending.IsCompleted ? pending : AfterAsync(pending);

    private static async ValueTask<T> AfterAsync<T>(ValueTask<T> pending)
    {
        var result = await pending.ConfigureAwait(false);
        // An event thread has no synchronization context: the yield queues the rest, and the caller's continuation
        // with it, to the pool.
        if (IoThreadHandOff.OnEventThread)
            await Task.Yield();
        return result;
    }
}
