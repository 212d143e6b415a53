namespace GeoMas.Ogc.Server.Http.IoThread;

/// <summary>
/// The request body of a request handed to the pool: a read that had to wait for the client's bytes completes on a
/// pool thread, not on the socket event thread that received them, where the code awaiting it would otherwise go on
/// whatever its <c>ConfigureAwait</c>. Reads that complete at once are returned as they are. Kestrel builds the
/// request's <c>BodyReader</c> over this stream once it replaces the body, so both ways of reading go through it.
/// (A response flush that waited for a slow client already resumes on the pool: Kestrel's send loop wakes it from
/// there; InlineSchedulingTests checks that it still does.)
/// </summary>
internal sealed class PoolResumingRequestBody(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var pending = inner.ReadAsync(buffer, cancellationToken);
        return pending.IsCompleted ? pending : ResumeOnPoolAsync(pending);
    }

    private static async ValueTask<int> ResumeOnPoolAsync(ValueTask<int> pending)
    {
        var read = await pending.ConfigureAwait(false);
        // An event thread has no synchronization context: the yield queues the rest, and the caller's continuation
        // with it, to the pool.
        if (IoThreadHandOff.OnEventThread)
            await Task.Yield();
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The inner stream is the server's, which disposes of it with the request.
    protected override void Dispose(bool disposing)
    {
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
