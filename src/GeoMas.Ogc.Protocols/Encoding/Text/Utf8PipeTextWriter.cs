using System.IO.Pipelines;
using System.Text;

namespace GeoMas.Ogc.Protocols.Encoding.Text;

/// <summary>
/// A <see cref="TextWriter"/> that encodes UTF-8 (no BOM) straight into a <see cref="PipeWriter"/> (the response
/// body). Writes never do I/O: characters are encoded into the pipe's buffers, and only
/// <see cref="FlushToPipeAsync"/> sends them. ASP.NET Core forbids synchronous writes to the body, which a
/// <see cref="StreamWriter"/> would do whenever its buffer fills; this writer lets text encoders (CSV, HTML) stream
/// with bounded memory: the caller flushes every few rows, and a slow client pushes back on the query.
/// </summary>
public sealed class Utf8PipeTextWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly PipeWriter _output;
    private readonly Encoder _encoder = Utf8NoBom.GetEncoder();
    private readonly char[] _chars = new char[4096];
    private int _charCount;

    public Utf8PipeTextWriter(PipeWriter output) : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    public override System.Text.Encoding Encoding => Utf8NoBom;

    /// <summary>Bytes handed to the pipe since the last <see cref="FlushToPipeAsync"/>.</summary>
    public long UnflushedBytes { get; private set; }

    /// <summary>Bytes handed to the pipe in all.</summary>
    public long BytesWritten { get; private set; }

    public override void Write(char value)
    {
        if (_charCount == _chars.Length)
            Encode(final: false);
        _chars[_charCount++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_charCount == _chars.Length)
                Encode(final: false);
            var take = Math.Min(buffer.Length, _chars.Length - _charCount);
            buffer[..take].CopyTo(_chars.AsSpan(_charCount));
            _charCount += take;
            buffer = buffer[take..];
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    /// <summary>Moves the buffered characters into the pipe (no I/O).</summary>
    public override void Flush() => Encode(final: false);

    /// <summary>Encodes what is buffered and flushes the pipe to the client.</summary>
    public async ValueTask FlushToPipeAsync(CancellationToken cancellationToken)
    {
        Encode(final: false);
        await ResponseFlush.ToClientAsync(_output, cancellationToken);
        UnflushedBytes = 0;
    }

    /// <summary>Ends the text (a dangling high surrogate becomes U+FFFD) and flushes.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Encode(final: true);
        await FlushToPipeAsync(cancellationToken);
    }

    private void Encode(bool final)
    {
        if (_charCount == 0 && !final)
            return;
        var chars = _chars.AsSpan(0, _charCount);
        var span = _output.GetSpan(Utf8NoBom.GetMaxByteCount(_charCount + 1));
        var bytes = _encoder.GetBytes(chars, span, flush: final);
        _output.Advance(bytes);
        _charCount = 0;
        UnflushedBytes += bytes;
        BytesWritten += bytes;
    }
}
