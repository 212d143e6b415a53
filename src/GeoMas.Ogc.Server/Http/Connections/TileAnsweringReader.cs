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
/// protocol, an incomplete or malformed head, or Kestrel consuming other than expected); from then on the connection
/// is Kestrel's alone, for good.
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
    private enum Mode { Answering, Lent, Forwarding }

    private Mode _mode;
    private long _owed;
    private ReadOnlySequence<byte> _lent;
    private volatile bool _flushing;

    /// <summary>True once the connection is Kestrel's alone (for tests).</summary>
    internal bool IsForwarding => _mode == Mode.Forwarding;

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
            }

            if (!buffer.IsEmpty)
            {
                // Kestrel's turn. Answers already written go out first: they answer earlier requests.
                var cancelled = answered && await FlushAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Sends the answers written; true when the flush was cancelled (<see cref="CancelPendingRead"/>).</summary>
    private async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        _flushing = true;
        try
        {
            return (await output.FlushAsync(cancellationToken).ConfigureAwait(false)).IsCanceled;
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
