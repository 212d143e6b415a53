using System.Runtime.InteropServices;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Cuts a metatile into tiles with SkiaSharp: one decode (none for <see cref="RawRgbaImage"/> input), then each tile is a view into the decoded pixels (no copy
/// of the whole image) handed to <see cref="ImageEncoder"/>, so tiles get exactly the encodings of WMS maps.
/// Tiles are encoded in parallel: encoding is most of the cutting cost and the tiles are independent.
/// </summary>
public sealed class SkiaImageCutter : IImageCutter
{
    public ImageEncoderOptions EncoderOptions { get; init; } = ImageEncoderOptions.Default;

    public IReadOnlyList<CutTile> Cut(ReadOnlyMemory<byte> image, int columns, int rows, int tileWidth, int tileHeight, ImageFormat format, RgbaColor background)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);

        using var bitmap = Decode(image.Span);
        if (bitmap.Width < columns * tileWidth || bitmap.Height < rows * tileHeight)
            throw new ArgumentException($"A {bitmap.Width}×{bitmap.Height} image cannot hold {columns}×{rows} tiles of {tileWidth}×{tileHeight}.", nameof(image));

        var pixels = bitmap.PeekPixels();
        var tiles = new CutTile[columns * rows];
        Parallel.For(0, tiles.Length, i =>
        {
            var (row, col) = Math.DivRem(i, columns);
            using var tile = pixels.ExtractSubset(SKRectI.Create(col * tileWidth, row * tileHeight, tileWidth, tileHeight))
                ?? throw new InvalidOperationException("Cannot cut a tile out of the metatile.");
            using var encoded = new MemoryStream();
            ImageEncoder.Encode(tile, format, background, encoded, EncoderOptions);
            tiles[i] = new CutTile(encoded.ToArray(), IsTransparent(tile));
        });
        return tiles;
    }

    /// <summary>Raw pixels (what tile renders produce) are copied as they are; a PNG is decoded.</summary>
    private static SKBitmap Decode(ReadOnlySpan<byte> image)
    {
        if (RawRgbaImage.TryReadHeader(image, out _, out _))
            return RawRgbaImage.ToBitmap(image);
        using var data = SKData.CreateCopy(image);
        using var decoded = SKBitmap.Decode(data) ?? throw new InvalidOperationException("The metatile image cannot be decoded.");
        return AsRgbaPremul(decoded);
    }

    private static SKBitmap AsRgbaPremul(SKBitmap bitmap)
    {
        var info = new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var copy = new SKBitmap(info);
        if (!bitmap.PeekPixels().ReadPixels(copy.PeekPixels()))
        {
            copy.Dispose();
            throw new InvalidOperationException("Cannot convert the metatile pixels to RGBA.");
        }
        return copy;
    }

    /// <summary>True when every pixel has alpha 0 (the tile holds no data: a blank tile).</summary>
    private static bool IsTransparent(SKPixmap tile)
    {
        var rowBytes = tile.RowBytes;
        var all = tile.GetPixelSpan();
        for (var y = 0; y < tile.Height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(all.Slice(y * rowBytes, tile.Width * 4));
            foreach (var p in row)
            {
                // RGBA in memory: alpha is the top byte of the little-endian word.
                if ((p & 0xFF000000u) != 0)
                    return false;
            }
        }
        return true;
    }
}
