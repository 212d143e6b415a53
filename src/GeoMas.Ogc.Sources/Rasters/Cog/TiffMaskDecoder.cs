using System.Globalization;
using GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// GDAL's internal mask (an IFD with NewSubfileType bit 4, PHOTOMETRIC=MASK): one bit per pixel, rows padded to a
/// byte, 1 = valid. Applied to a decoded block as its alpha.
/// </summary>
internal sealed class TiffMaskDecoder
{
    private readonly int _compression;
    private readonly int _bits;

    public TiffMaskDecoder(TiffDirectory directory, string name)
    {
        _compression = (int)directory.Integer(TiffTag.Compression, TiffCompression.None);
        _bits = (int)directory.Integer(TiffTag.BitsPerSample, 1);
        if (!BlockDecompressor.IsLossless(_compression))
            throw new CogFormatException($"{name}: mask compressed with {TiffCompression.Name(_compression)} is not supported.");
        if (_bits is not (1 or 8) || directory.Integer(TiffTag.SamplesPerPixel, 1) != 1)
            throw new CogFormatException(string.Create(CultureInfo.InvariantCulture, $"{name}: {_bits}-bit masks are not supported."));
    }

    /// <summary>Multiplies the block's alpha by the mask (a pixel is kept only if both say so).</summary>
    public void Apply(ArraySegment<byte> compressed, int width, int rows, byte[] rgba)
    {
        var rowBytes = _bits == 1 ? (width + 7) / 8 : width;
        var raw = new byte[rowBytes * rows];
        BlockDecompressor.Decompress(_compression, compressed, raw);
        for (var y = 0; y < rows; y++)
        {
            var line = raw.AsSpan(y * rowBytes, rowBytes);
            var d = y * width * 4 + 3;
            for (var x = 0; x < width; x++, d += 4)
            {
                var valid = _bits == 1 ? (line[x >> 3] & (0x80 >> (x & 7))) != 0 : line[x] != 0;
                if (!valid)
                    rgba[d] = 0;
            }
        }
    }
}
