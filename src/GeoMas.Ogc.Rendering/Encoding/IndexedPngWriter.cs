using System.Buffers.Binary;
using System.IO.Compression;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Writes a palette PNG (colour type 3: IHDR, PLTE, tRNS, IDAT, IEND) — SkiaSharp cannot encode indexed PNGs.
/// The bit depth shrinks to 1, 2 or 4 bits when the palette is small (tiles with a few flat colours).
/// Rows use filter type 0: the PNG spec recommends no filtering for palette images, since indices are not
/// numerically related and predictors only add noise.
/// </summary>
internal static class IndexedPngWriter
{
    public static void Write(QuantizedImage image, Stream output, CompressionLevel level = CompressionLevel.Fastest)
    {
        var bitDepth = image.Palette.Length switch { <= 2 => 1, <= 4 => 2, <= 16 => 4, _ => 8 };
        output.Write(PngChunks.Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], image.Height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = 3; // palette
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering (per-row filter byte)
        ihdr[12] = 0; // no interlace
        PngChunks.Write(output, "IHDR"u8, ihdr);

        var palette = image.Palette;
        var plte = new byte[palette.Length * 3];
        for (var i = 0; i < palette.Length; i++)
        {
            plte[i * 3] = (byte)palette[i];
            plte[i * 3 + 1] = (byte)(palette[i] >> 8);
            plte[i * 3 + 2] = (byte)(palette[i] >> 16);
        }
        PngChunks.Write(output, "PLTE"u8, plte);

        var translucent = image.TranslucentCount;
        if (translucent > 0)
        {
            var trns = new byte[translucent];
            for (var i = 0; i < translucent; i++)
                trns[i] = (byte)(palette[i] >> 24);
            PngChunks.Write(output, "tRNS"u8, trns);
        }

        PngChunks.Write(output, "IDAT"u8, Compress(image, bitDepth, level));
        PngChunks.Write(output, "IEND"u8, []);
    }

    private static ReadOnlySpan<byte> Compress(QuantizedImage image, int bitDepth, CompressionLevel level)
    {
        var rowBytes = (image.Width * bitDepth + 7) / 8;
        var row = new byte[rowBytes + 1];
        var buffer = new MemoryStream(image.Height * (rowBytes + 1) / 4 + 64);
        using (var zlib = new ZLibStream(buffer, level, leaveOpen: true))
        {
            var perByte = 8 / bitDepth;
            for (var y = 0; y < image.Height; y++)
            {
                var src = image.Indices.AsSpan(y * image.Width, image.Width);
                row[0] = 0; // filter: None
                if (bitDepth == 8)
                {
                    src.CopyTo(row.AsSpan(1));
                }
                else
                {
                    Array.Clear(row, 1, rowBytes);
                    for (var x = 0; x < src.Length; x++)
                    {
                        var shift = 8 - bitDepth * (x % perByte + 1);
                        row[1 + x / perByte] |= (byte)(src[x] << shift);
                    }
                }
                zlib.Write(row);
            }
        }
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    }
}
