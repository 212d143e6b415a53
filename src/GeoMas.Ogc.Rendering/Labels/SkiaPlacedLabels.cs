using GeoMas.Ogc.Core.Rendering;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Placed labels as a Skia display list in the pixel frame of the extent they were placed on (buffer included).
/// Recorded with a bounding-box hierarchy, so a tile playing it back only draws the glyph runs that reach it.
/// </summary>
internal sealed class SkiaPlacedLabels : PlacedLabels
{
    public SkiaPlacedLabels(Envelope bbox, int srid, int width, int height, int buffer, SKPicture picture, int count)
        : base(bbox, srid, width, height, buffer)
    {
        Picture = picture;
        Count = count;
        ApproximateBytes = 256 + picture.ApproximateBytesUsed;
    }

    /// <summary>Immutable once recorded: SKPicture playback is thread-safe.</summary>
    public SKPicture Picture { get; }

    public override int Count { get; }

    public override long ApproximateBytes { get; }

    /// <summary>Pixels per CRS unit the labels were placed at.</summary>
    public double ScaleX => Width / Bbox.Width;
    public double ScaleY => Height / Bbox.Height;

    /// <summary>The world position of the display list's pixel (0, 0): the top-left corner of the buffered extent.</summary>
    public double OriginX => Bbox.MinX - (Buffer / ScaleX);
    public double OriginY => Bbox.MaxY + (Buffer / ScaleY);
}
