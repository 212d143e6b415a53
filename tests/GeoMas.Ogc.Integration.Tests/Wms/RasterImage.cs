using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>
/// A decoded image as unpremultiplied RGBA bytes, whatever the encoding (PNG 8/24/32, JPEG, WebP): tests read
/// colours and alpha exactly as a client would see them after decoding.
/// </summary>
internal sealed class RasterImage
{
    private readonly byte[] _rgba;

    public RasterImage(int width, int height, byte[] rgba)
    {
        if (rgba.Length != width * height * 4)
            throw new ArgumentException("RGBA buffer does not match the size", nameof(rgba));
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>The encoded format SkiaSharp recognised (Png, Jpeg, Webp).</summary>
    public SKEncodedImageFormat EncodedFormat { get; private init; }

    public static RasterImage Decode(byte[] encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException($"not a decodable image ({encoded.Length} bytes)");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException("decoding failed: " + result);
        return new RasterImage(info.Width, info.Height, bitmap.GetPixelSpan().ToArray()) { EncodedFormat = codec.EncodedFormat };
    }

    public static RasterImage Load(string path) => Decode(File.ReadAllBytes(path));

    public Rgba this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return new Rgba(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<Rgba> Pixels()
    {
        for (var i = 0; i < _rgba.Length; i += 4)
            yield return new Rgba(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
    }

    /// <summary>The pixels of the first and last rows and columns (WMS-M8 looks there).</summary>
    public IEnumerable<(int X, int Y, Rgba Colour)> BorderPixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (y == 0 || y == Height - 1 || x == 0 || x == Width - 1)
                    yield return (x, y, this[x, y]);
            }
        }
    }

    /// <summary>A copy moved by (dx, dy) pixels, the uncovered band filled with <paramref name="fill"/>.</summary>
    public RasterImage Shifted(int dx, int dy, Rgba fill)
    {
        var rgba = new byte[_rgba.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                int sx = x - dx, sy = y - dy;
                var c = sx >= 0 && sx < Width && sy >= 0 && sy < Height ? this[sx, sy] : fill;
                c.Write(rgba, ((y * Width) + x) * 4);
            }
        }
        return new RasterImage(Width, Height, rgba);
    }

    /// <summary>A copy where <paramref name="change"/> rewrites each pixel (x, y, colour).</summary>
    public RasterImage Map(Func<int, int, Rgba, Rgba> change)
    {
        var rgba = new byte[_rgba.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
                change(x, y, this[x, y]).Write(rgba, ((y * Width) + x) * 4);
        }
        return new RasterImage(Width, Height, rgba);
    }

    /// <summary>A copy scaled to <paramref name="width"/>×<paramref name="height"/> with linear filtering.</summary>
    public RasterImage Resized(int width, int height)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var source = new SKBitmap(info);
        _rgba.CopyTo(source.GetPixelSpan());
        using var scaled = source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return new RasterImage(width, height, scaled.GetPixelSpan().ToArray());
    }

    public void SavePng(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        _rgba.CopyTo(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
