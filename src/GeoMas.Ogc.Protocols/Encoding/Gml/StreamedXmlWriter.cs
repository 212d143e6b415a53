using System.IO.Pipelines;
using System.Text;
using System.Xml;

namespace GeoMas.Ogc.Protocols.Encoding.Gml;

/// <summary>
/// An <see cref="XmlWriter"/> streaming into a <see cref="PipeWriter"/> (the response body) with bounded memory:
/// the writer itself is synchronous and only fills the pipe's buffers (no synchronous I/O, no per-call async state
/// machines on the hot path), and the pipe is flushed asynchronously after the first item (quick first byte), then
/// every <see cref="FlushEveryItems"/> items or <see cref="FlushEveryBytes"/> bytes. A slow client therefore pushes
/// back on the database cursor, and a disconnected one cancels the flush and so the query.
/// </summary>
public sealed class StreamedXmlWriter : IAsyncDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        Async = false,
        CloseOutput = false,
        // Attribute values come from the database: a control character would make the document unreadable, so the
        // writer refuses it (the response is then aborted, never sent truncated as if complete).
        CheckCharacters = true,
    };

    private readonly PipeWriter _output;
    private readonly BufferedPipeStream _stream;
    private long _bytesAtLastFlush;
    private int _sinceFlush;

    public StreamedXmlWriter(PipeWriter output)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _stream = new BufferedPipeStream(output);
        Xml = XmlWriter.Create(_stream, Settings);
    }

    public XmlWriter Xml { get; }

    public int FlushEveryItems { get; init; } = 500;
    public int FlushEveryBytes { get; init; } = 64 * 1024;

    /// <summary>Items written so far (features, values).</summary>
    public long Count { get; private set; }

    /// <summary>Call after each item: counts it and flushes to the network when due.</summary>
    public ValueTask ItemWrittenAsync(CancellationToken cancellationToken)
    {
        Count++;
        _sinceFlush++;
        if (Count == 1 || _sinceFlush >= FlushEveryItems)
            return FlushAsync(cancellationToken);
        Xml.Flush();
        return _stream.BytesWritten - _bytesAtLastFlush >= FlushEveryBytes ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Ends the document and sends everything.</summary>
    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Xml.WriteEndDocument();
        return FlushAsync(cancellationToken);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Xml.Flush();
        await ResponseFlush.ToClientAsync(_output, cancellationToken);
        _bytesAtLastFlush = _stream.BytesWritten;
        _sinceFlush = 0;
    }

    public ValueTask DisposeAsync()
    {
        Xml.Dispose();
        return _stream.DisposeAsync();
    }
}
