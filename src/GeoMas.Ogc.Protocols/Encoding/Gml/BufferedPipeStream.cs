using System.Buffers;
using System.IO.Pipelines;

namespace GeoMas.Ogc.Protocols.Encoding.Gml;

/// <summary>
/// A write-only stream that copies into a <see cref="PipeWriter"/>'s buffers and never flushes by itself, so a
/// synchronous <see cref="System.Xml.XmlWriter"/> can encode straight into the response body without synchronous
/// I/O: the caller flushes the pipe asynchronously (<see cref="PipeWriter.FlushAsync"/>) at points of its choosing.
/// (<see cref="PipeWriter.AsStream"/> would flush, blocking, on every write.)
/// </summary>
public sealed class BufferedPipeStream(PipeWriter output) : Stream
{
    /// <summary>Bytes written since creation.</summary>
    public long BytesWritten { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        output.Write(buffer);
        BytesWritten += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    // Nothing to do: the bytes are in the pipe; the owner decides when they travel.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
