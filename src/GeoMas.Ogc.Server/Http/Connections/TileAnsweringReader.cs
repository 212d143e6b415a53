using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace GeoMas.Ogc.Server.Http.Connections;

/// <summary>
/// The connection's input as Kestrel's HTTP/1.1 parser reads it, with cached tiles answered on the way: when Kestrel
/// asks for its next request and the bytes there are a request <see cref="ConnectionTileFastPath"/> answers, the answer
/// goes out and those bytes are consumed here, so Kestrel only ever sees the requests it has to answer. Responses stay
/// in request order because Kestrel asks for a request only once it has finished the previous response, and this
/// reader writes only while Kestrel waits for that read.
/// <para>
/// Three modes. <b>Answering</b>: at a request boundary. <b>Lent</b>: a well-formed GET or HEAD without a body went to
/// Kestrel, whose end is known (<see cref="TileRequestHead.Length"/>); once Kestrel has consumed exactly that much,
/// the next read is at a boundary again. <b>Forwarding</b>: bytes whose end only Kestrel can tell (a body, another
/// protocol, a malformed or over-long head, or Kestrel consuming other than expected); from then on the connection
/// is Kestrel's alone, for good. A head cut short by a read is waited for, up to its 8 KB limit.
/// </para>
/// <para>
/// Kestrel's keep-alive timer runs while it waits for a request this reader answers instead (it has no public way to
/// restart it, and its connection-timeout feature is not on the connection's features): after
/// <c>Limits.KeepAliveTimeout</c> (130 s by default) Kestrel cancels the read and closes the connection between two
/// answers, as it closes an idle one. A busy client reconnects once per timeout; no answer is cut.
/// </para>
/// </summary>
internal sealed class TileAnsweringReader(PipeReader inner, PipeWriter output, ConnectionTileFastPath tiles, ConnectionContext connection)
    : PipeReader
{
    /// <summary>Kestrel's default <c>Limits.MaxResponseBufferSize</c>.</summary>
    internal const int MaxUnflushedBytes = 64 * 1024;

    private enum Mode { Answering, Lent, Forwarding }

    private Mode _mode;
    private long _owed;
    private ReadOnlySequence<byte> _lent;
    private volatile bool _flushing;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => _mode switch
    {
        Mode.Forwarding => inner.ReadAsync(cancellationToken),
        Mode.Lent => ReadLentAsync(cancellationToken),
        _ => AnswerAndReadAsync(cancellationToken),
    };

    private async ValueTask<ReadResult> ReadLentAsync(CancellationToken cancellationToken)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        _lent = result.Buffer;
        return result;
    }

    private async ValueTask<ReadResult> AnswerAndReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled)
                return result;
            var buffer = result.Buffer;
            var answered = false;
            var reading = TileHeadReading.Unusable;
            TileRequestHead head = default;
            while (!buffer.IsEmpty)
            {
                reading = TileRequestHead.TryRead(buffer, out head);
                if (reading != TileHeadReading.Complete || !tiles.TryAnswer(head, output, connection))
                    break;
                buffer = buffer.Slice(head.Length);
                answered = true;
                // Pipelined requests are answered a window at a time: a client that asks for many tiles without
                // reading them holds at most this much of answers, as Kestrel's response buffer limit would.
                if (output.UnflushedBytes < MaxUnflushedBytes)
                    continue;
                if (await FlushAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Kestrel is stopping the connection: what is left is its to read (or drop).
                    _mode = Mode.Forwarding;
                    return new ReadResult(buffer, isCanceled: true, result.IsCompleted);
                }
            }

            if (!buffer.IsEmpty)
            {
                // Answers already written go out first: they answer earlier requests.
                var cancelled = answered && await FlushAsync(cancellationToken).ConfigureAwait(false);
                if (reading == TileHeadReading.Incomplete && !cancelled && !result.IsCompleted)
                {
                    // The rest of the head is on its way (a pipelined request cut by a read): wait for it. Kestrel's
                    // keep-alive timer still bounds the wait, as it bounds an idle connection.
                    inner.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }
                // Kestrel's turn.
                if (reading == TileHeadReading.Complete)
                {
                    _mode = Mode.Lent;
                    _owed = head.Length;
                    _lent = buffer;
                }
                else
                {
                    _mode = Mode.Forwarding;
                }
                return new ReadResult(buffer, cancelled, result.IsCompleted);
            }
            if (!answered)
                return result; // Nothing buffered: the client closed the connection.

            inner.AdvanceTo(buffer.End);
            // A cancelled flush (CancelPendingRead) makes the next read return cancelled: Kestrel then stops.
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the answers written; true when the flush was cancelled.</summary>
    private ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var bytes = output.UnflushedBytes;
        var flush = output.FlushAsync(cancellationToken);
        return flush.IsCompletedSuccessfully ? ValueTask.FromResult(flush.Result.IsCanceled) : WaitForClientAsync(flush, bytes);
    }

    /// <summary>
    /// A flush the client is slow to take. Kestrel's rules for its own answers hold here too: the client must take
    /// them at <c>Limits.MinResponseDataRate</c> (after its grace period), and a shutdown does not wait for a client
    /// that has stopped reading; either way the connection is aborted, as Kestrel aborts it.
    /// </summary>
    private async ValueTask<bool> WaitForClientAsync(ValueTask<FlushResult> flush, long bytes)
    {
        _flushing = true;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ConnectionTileFastPath.Closing(connection));
        if (tiles.MinResponseDataRate is { } rate)
            deadline.CancelAfter(TimeSpan.FromSeconds(Math.Max(rate.GracePeriod.TotalSeconds, bytes / rate.BytesPerSecond)));
        using var giveUp = deadline.Token.Register(static state => ((PipeWriter)state!).CancelPendingFlush(), output);
        try
        {
            var flushed = await flush.ConfigureAwait(false);
            if (flushed.IsCanceled && deadline.IsCancellationRequested)
                connection.Abort(new ConnectionAbortedException("The client did not take its tiles at the minimum response data rate, or the server is stopping."));
            return flushed.IsCanceled;
        }
        finally
        {
            _flushing = false;
        }
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (_mode == Mode.Lent)
        {
            _owed -= _lent.Slice(_lent.Start, consumed).Length;
            _lent = default;
            // Exactly the lent request consumed: the next read starts at a request. More: Kestrel read the bytes
            // differently from this reader, so it keeps the connection.
            _mode = _owed switch
            {
                0 => Mode.Answering,
                < 0 => Mode.Forwarding,
                _ => Mode.Lent,
            };
        }
        inner.AdvanceTo(consumed, examined);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (_mode != Mode.Answering)
        {
            if (!inner.TryRead(out result))
                return false;
            if (_mode == Mode.Lent)
                _lent = result.Buffer;
            return true;
        }
        // At a boundary, data is only handed out by ReadAsync, which answers what it can first.
        result = default;
        return false;
    }

    public override void CancelPendingRead()
    {
        // Kestrel stops the connection (keep-alive timeout, shutdown): a flush of answers waiting on a slow client
        // gives up too, and the read then returns cancelled.
        inner.CancelPendingRead();
        if (_flushing)
            output.CancelPendingFlush();
    }

    public override void Complete(Exception? exception = null) => inner.Complete(exception);
}
