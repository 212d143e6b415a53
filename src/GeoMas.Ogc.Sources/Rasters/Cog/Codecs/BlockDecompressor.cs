using System.IO.Compression;

namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>The lossless TIFF compressions, expanded to the raw sample bytes of one block.</summary>
internal static class BlockDecompressor
{
    public static bool IsLossless(int compression) => compression is TiffCompression.None or TiffCompression.Lzw
        or TiffCompression.AdobeDeflate or TiffCompression.Deflate or TiffCompression.PackBits;

    /// <summary>Fills <paramref name="output"/> (the block's raw size); a short stream leaves the rest zero.</summary>
    public static void Decompress(int compression, ArraySegment<byte> input, Span<byte> output)
    {
        switch (compression)
        {
            case TiffCompression.None:
                input.AsSpan(0, Math.Min(input.Count, output.Length)).CopyTo(output);
                break;
            case TiffCompression.Lzw:
                LzwDecoder.Decode(input, output);
                break;
            case TiffCompression.PackBits:
                PackBitsDecoder.Decode(input, output);
                break;
            case TiffCompression.AdobeDeflate or TiffCompression.Deflate:
                {
                    using var compressed = new MemoryStream(input.Array!, input.Offset, input.Count, writable: false);
                    using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
                    zlib.ReadAtLeast(output, output.Length, throwOnEndOfStream: false);
                    break;
                }
            default:
                throw new CogFormatException($"{TiffCompression.Name(compression)} compression is not supported.");
        }
    }
}
