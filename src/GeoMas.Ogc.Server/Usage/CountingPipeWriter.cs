using System.IO.Pipelines;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>Passes writes to the response's PipeWriter and counts the bytes advanced.</summary>
internal sealed class CountingPipeWriter(PipeWriter inner, RequestUsage usage) : PipeWriter
{
    public override void Advance(int bytes)
    {
        inner.Advance(bytes);
        usage.AddBytes(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        var result = await inner.WriteAsync(source, cancellationToken).ConfigureAwait(false);
        usage.AddBytes(source.Length);
        return result;
    }

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;
}
