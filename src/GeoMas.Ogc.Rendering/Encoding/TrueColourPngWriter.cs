using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Writes 8-bit RGB (opaque images) or RGBA PNGs from Skia's 32-bit pixels (RGBA or BGRA, premultiplied or
/// opaque, any row stride), compressing with .NET's zlib (zlib-ng) instead of Skia's libpng + zlib.
/// </summary>
/// <remarks>
/// Measured on 1024×768 W2 maps: Skia at zlib 3 with the Sub filter took 4-5× longer than zlib-ng at level 2 with
/// the same filter, for a slightly smaller file. Every row uses Sub: on map images (flat fills, thin lines) it
/// compresses as well as a per-row choice between Sub/Up/Paeth at a fraction of the filtering time.
/// Premultiplied pixels are unpremultiplied through a 64 KB table (PNG stores straight alpha).
/// </remarks>
internal static class TrueColourPngWriter
{
    public static bool Supports(SKPixmap pixels) =>
        pixels.ColorType is SKColorType.Rgba8888 or SKColorType.Bgra8888 && pixels.AlphaType != SKAlphaType.Unpremul;

    /// <param name="opaque">Every pixel has alpha 255: written as RGB, a quarter fewer bytes to compress.</param>
    public static void Write(SKPixmap pixels, bool opaque, Stream output, int zlibLevel)
    {
        if (!Supports(pixels))
            throw new ArgumentException("Only premultiplied or opaque 32-bit RGBA/BGRA pixels are supported.", nameof(pixels));
        var width = pixels.Width;
        var height = pixels.Height;
        var channels = opaque ? 3 : 4;
        output.Write(PngChunks.Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8; // bits per channel
        ihdr[9] = (byte)(opaque ? 2 : 6); // truecolour / truecolour with alpha
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering (per-row filter byte)
        ihdr[12] = 0; // no interlace
        PngChunks.Write(output, "IHDR"u8, ihdr);

        var rowLength = width * channels;
        var pool = ArrayPool<byte>.Shared;
        var raw = pool.Rent(rowLength);
        var filtered = pool.Rent(rowLength + 1);
        try
        {
            using (var idat = new IdatStream(output))
            using (var zlib = new ZLibStream(idat, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(zlibLevel, 0, 9) }, leaveOpen: true))
            {
                var bgra = pixels.ColorType == SKColorType.Bgra8888;
                var premultiplied = pixels.AlphaType == SKAlphaType.Premul && !opaque;
                var source = pixels.GetPixelSpan();
                var rowBytes = pixels.RowBytes;
                for (var y = 0; y < height; y++)
                {
                    var row = source.Slice(y * rowBytes, width * 4);
                    if (opaque)
                        ToRgb(row, raw.AsSpan(0, rowLength), bgra);
                    else
                        ToRgba(row, raw.AsSpan(0, rowLength), bgra, premultiplied);
                    SubFilter(raw.AsSpan(0, rowLength), filtered.AsSpan(0, rowLength + 1), channels);
                    zlib.Write(filtered, 0, rowLength + 1);
                }
            }
        }
        finally
        {
            pool.Return(raw);
            pool.Return(filtered);
        }
        PngChunks.Write(output, "IEND"u8, []);
    }

    private static void ToRgb(ReadOnlySpan<byte> source, Span<byte> target, bool bgra)
    {
        int r = bgra ? 2 : 0, b = bgra ? 0 : 2;
        for (int i = 0, o = 0; i < source.Length; i += 4, o += 3)
        {
            target[o] = source[i + r];
            target[o + 1] = source[i + 1];
            target[o + 2] = source[i + b];
        }
    }

    private static void ToRgba(ReadOnlySpan<byte> source, Span<byte> target, bool bgra, bool premultiplied)
    {
        int r = bgra ? 2 : 0, b = bgra ? 0 : 2;
        var table = premultiplied ? Unpremultiplied.Table : null;
        for (var i = 0; i < source.Length; i += 4)
        {
            var a = source[i + 3];
            if (table is null || a == 255)
            {
                target[i] = source[i + r];
                target[i + 1] = source[i + 1];
                target[i + 2] = source[i + b];
            }
            else
            {
                var offset = a << 8;
                target[i] = table[offset + source[i + r]];
                target[i + 1] = table[offset + source[i + 1]];
                target[i + 2] = table[offset + source[i + b]];
            }
            target[i + 3] = a;
        }
    }

    // Filter type 1 (Sub): each byte minus the same channel of the pixel to its left.
    private static void SubFilter(ReadOnlySpan<byte> raw, Span<byte> target, int channels)
    {
        target[0] = 1;
        raw[..channels].CopyTo(target[1..]);
        for (var i = channels; i < raw.Length; i++)
            target[i + 1] = (byte)(raw[i] - raw[i - channels]);
    }

    /// <summary>Cuts the compressed stream into IDAT chunks of up to 64 KB as it is written.</summary>
    private sealed class IdatStream(Stream output) : Stream
    {
        private const int ChunkSize = 64 * 1024;
        private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        private int _count;
        private bool _disposed;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            while (data.Length > 0)
            {
                var n = Math.Min(ChunkSize - _count, data.Length);
                data[..n].CopyTo(_buffer.AsSpan(_count));
                _count += n;
                data = data[n..];
                if (_count == ChunkSize)
                    Emit();
            }
        }

        public override void Flush()
        {
        }

        private void Emit()
        {
            if (_count == 0)
                return;
            PngChunks.Write(output, "IDAT"u8, _buffer.AsSpan(0, _count));
            _count = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (!_disposed && disposing)
            {
                _disposed = true;
                Emit();
                ArrayPool<byte>.Shared.Return(_buffer);
            }
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
