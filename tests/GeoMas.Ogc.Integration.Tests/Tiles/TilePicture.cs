using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Tiles;

/// <summary>
/// What a tile shows, as a hash of its decoded pixels. Compare pictures, not bytes, whenever a tile may be asked for
/// more than twice: the memory tier sends a compact encoding of the same picture from its second hit on
/// (<c>cache.compactHotTiles</c>), so "other bytes" no longer means "another picture".
/// </summary>
internal static class TilePicture
{
    public static ulong Of(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new InvalidOperationException("not an image");
        return System.IO.Hashing.XxHash64.HashToUInt64(bitmap.GetPixelSpan());
    }
}
