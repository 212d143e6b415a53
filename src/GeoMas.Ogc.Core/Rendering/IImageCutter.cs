using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Core.Rendering;

/// <summary>One tile cut out of a larger image; <see cref="IsEmpty"/> = every pixel was fully transparent.</summary>
public sealed record CutTile(byte[] Bytes, bool IsEmpty);

/// <summary>
/// Cuts a rendered metatile into tiles. Lives behind an interface because decoding and encoding pixels is the
/// renderer's business (SkiaSharp), while deciding what to render and cache is the tile service's.
/// </summary>
public interface IImageCutter
{
    /// <summary>
    /// Decodes <paramref name="image"/> (a PNG, or the renderer's <see cref="ImageFormat.RawRgba"/>, of
    /// <paramref name="columns"/>×<paramref name="rows"/> tiles) once and
    /// encodes every tile in <paramref name="format"/>, row by row (index = row × columns + column). Formats without
    /// alpha are flattened onto <paramref name="background"/>.
    /// </summary>
    IReadOnlyList<CutTile> Cut(ReadOnlyMemory<byte> image, int columns, int rows, int tileWidth, int tileHeight, ImageFormat format, RgbaColor background);
}
