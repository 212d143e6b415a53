using System.Globalization;
using GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// Turns one compressed block of an image IFD into RGBA8888 with straight alpha: decompression (or a native JPEG/WebP
/// decode), predictor, then the photometric interpretation, alpha band and nodata. The constructor rejects, with a
/// message naming what is unsupported, anything it cannot decode, so a bad file fails when opened, not per request.
/// </summary>
internal sealed class TiffBlockDecoder
{
    private readonly string _name;
    private readonly int _compression;
    private readonly int _photometric;
    private readonly int _samplesPerPixel;
    private readonly int _predictor;
    private readonly int _alphaSample = -1;
    private readonly bool _associatedAlpha;
    private readonly byte[]? _jpegTables;
    private readonly int? _noData;
    private readonly byte[]? _palette;

    public TiffBlockDecoder(TiffDirectory directory, string name)
    {
        _name = name;
        _compression = (int)directory.Integer(TiffTag.Compression, TiffCompression.None);
        _photometric = (int)directory.Integer(TiffTag.Photometric, 1);
        _samplesPerPixel = (int)directory.Integer(TiffTag.SamplesPerPixel, 1);
        _predictor = (int)directory.Integer(TiffTag.Predictor, 1);
        _jpegTables = directory.Get(TiffTag.JpegTables)?.Bytes;

        IsPlanar = directory.Integer(TiffTag.PlanarConfiguration, 1) == 2 && _samplesPerPixel > 1;
        var bits = directory.Integers(TiffTag.BitsPerSample);
        if (bits.Any(b => b != 8))
            throw new CogFormatException($"{name}: {string.Join('/', bits)}-bit samples are not supported (8-bit gray, RGB or RGBA only).");
        var formats = directory.Integers(TiffTag.SampleFormat);
        if (formats.Any(f => f != 1))
            throw new CogFormatException($"{name}: signed or floating-point samples are not supported (8-bit unsigned only).");
        if (_compression is not (TiffCompression.Jpeg or TiffCompression.WebP) && !BlockDecompressor.IsLossless(_compression))
            throw new CogFormatException($"{name}: {TiffCompression.Name(_compression)} compression is not supported.");
        if (IsPlanar && !BlockDecompressor.IsLossless(_compression))
            throw new CogFormatException($"{name}: separate planes (INTERLEAVE=BAND) with {TiffCompression.Name(_compression)} compression are not supported.");
        if (_predictor is not (1 or 2))
            throw new CogFormatException(string.Create(CultureInfo.InvariantCulture, $"{name}: predictor {_predictor} is not supported for 8-bit samples."));

        var colorSamples = _photometric switch
        {
            0 or 1 or 3 => 1,
            2 => 3,
            6 when _compression == TiffCompression.Jpeg => 3,
            6 => throw new CogFormatException($"{name}: uncompressed YCbCr is not supported (only YCbCr inside JPEG)."),
            _ => throw new CogFormatException(string.Create(CultureInfo.InvariantCulture, $"{name}: photometric interpretation {_photometric} is not supported.")),
        };
        if (_samplesPerPixel < colorSamples)
            throw new CogFormatException($"{name}: fewer samples per pixel than the photometric interpretation needs.");
        var extra = directory.Integers(TiffTag.ExtraSamples);
        if (_samplesPerPixel > colorSamples && extra.Length > 0 && extra[0] is 1 or 2)
        {
            _alphaSample = colorSamples;
            _associatedAlpha = extra[0] == 1;
        }
        if (_photometric == 3)
            _palette = ReadPalette(directory, name);

        var noData = directory.Get(TiffTag.GdalNoData)?.AsAscii().Trim();
        if (noData is { Length: > 0 } && double.TryParse(noData, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= 255 && value == Math.Floor(value))
            _noData = (int)value;
        HasTransparency = _alphaSample >= 0 || _noData is not null;
    }

    /// <summary>Samples stored plane by plane (PlanarConfiguration=2): blocks are decoded with <see cref="DecodePlanes"/>.</summary>
    public bool IsPlanar { get; }

    /// <summary>True when some pixels may be transparent (alpha band or nodata value).</summary>
    public bool HasTransparency { get; }

    /// <summary>True for lossy encodings (JPEG), where tests compare with a tolerance.</summary>
    public int Compression => _compression;

    public byte[] Decode(ArraySegment<byte> compressed, int width, int rows)
    {
        var rgba = new byte[width * rows * 4];
        if (_compression is TiffCompression.Jpeg or TiffCompression.WebP)
        {
            var stream = _compression == TiffCompression.Jpeg ? JpegTablesSplicer.Splice(_jpegTables, compressed) : compressed;
            SkiaImageDecoder.DecodeInto(stream, width, rows, rgba, _name);
            if (_noData is { } nd && _compression == TiffCompression.WebP)
                ApplyNoDataToRgba(rgba, nd);
            return rgba;
        }

        var rowBytes = width * _samplesPerPixel;
        var raw = new byte[rowBytes * rows];
        BlockDecompressor.Decompress(_compression, compressed, raw);
        if (_predictor == 2)
            HorizontalPredictor.Undo8(raw, rowBytes, _samplesPerPixel);
        Expand(raw, rgba, width * rows);
        return rgba;
    }

    /// <summary>Decodes one block of each plane (a missing plane reads as zeros) and interleaves them.</summary>
    public byte[] DecodePlanes(IReadOnlyList<ArraySegment<byte>?> planes, int width, int rows)
    {
        var spp = _samplesPerPixel;
        var pixels = width * rows;
        var plane = new byte[pixels];
        var raw = new byte[pixels * spp];
        for (var p = 0; p < spp; p++)
        {
            Array.Clear(plane);
            if (planes[p] is { } compressed)
            {
                BlockDecompressor.Decompress(_compression, compressed, plane);
                if (_predictor == 2)
                    HorizontalPredictor.Undo8(plane, width, 1);
            }
            for (int i = 0, d = p; i < pixels; i++, d += spp)
                raw[d] = plane[i];
        }
        var rgba = new byte[pixels * 4];
        Expand(raw, rgba, pixels);
        return rgba;
    }

    private void Expand(byte[] raw, byte[] rgba, int pixels)
    {
        var spp = _samplesPerPixel;
        for (int p = 0, s = 0, d = 0; p < pixels; p++, s += spp, d += 4)
        {
            byte r, g, b;
            switch (_photometric)
            {
                case 0:
                    r = g = b = (byte)(255 - raw[s]);
                    break;
                case 1:
                    r = g = b = raw[s];
                    break;
                case 3:
                    r = _palette![raw[s] * 3];
                    g = _palette[raw[s] * 3 + 1];
                    b = _palette[raw[s] * 3 + 2];
                    break;
                default:
                    r = raw[s];
                    g = raw[s + 1];
                    b = raw[s + 2];
                    break;
            }
            byte a = 255;
            if (_alphaSample >= 0)
            {
                a = raw[s + _alphaSample];
                if (_associatedAlpha && a is > 0 and < 255)
                {
                    // Premultiplied on disk; the contract is straight alpha.
                    r = (byte)Math.Min(255, (r * 255 + a / 2) / a);
                    g = (byte)Math.Min(255, (g * 255 + a / 2) / a);
                    b = (byte)Math.Min(255, (b * 255 + a / 2) / a);
                }
            }
            if (_noData is { } nd && IsNoData(raw, s, nd))
                a = 0;
            rgba[d] = r;
            rgba[d + 1] = g;
            rgba[d + 2] = b;
            rgba[d + 3] = a;
        }
    }

    /// <summary>A pixel is nodata when every colour sample equals the value (GDAL's unified nodata for warping).</summary>
    private bool IsNoData(byte[] raw, int at, int noData)
    {
        var colorSamples = _photometric == 2 ? 3 : 1;
        for (var i = 0; i < colorSamples; i++)
        {
            if (raw[at + i] != noData)
                return false;
        }
        return true;
    }

    private static void ApplyNoDataToRgba(byte[] rgba, int noData)
    {
        for (var d = 0; d < rgba.Length; d += 4)
        {
            if (rgba[d] == noData && rgba[d + 1] == noData && rgba[d + 2] == noData)
                rgba[d + 3] = 0;
        }
    }

    private static byte[] ReadPalette(TiffDirectory directory, string name)
    {
        var map = directory.Integers(TiffTag.ColorMap);
        if (map.Length < 3 * 256)
            throw new CogFormatException($"{name}: palette image without a 256-entry ColorMap.");
        var palette = new byte[256 * 3];
        for (var i = 0; i < 256; i++)
        {
            palette[i * 3] = (byte)(map[i] >> 8);
            palette[i * 3 + 1] = (byte)(map[256 + i] >> 8);
            palette[i * 3 + 2] = (byte)(map[512 + i] >> 8);
        }
        return palette;
    }
}
