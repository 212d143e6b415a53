using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Rendering;

/// <summary>
/// Labels placed once over a map extent (a metatile and its buffer) and drawn, unchanged, by every smaller map
/// rendered inside that extent at the same scale. Two tiles of one metatile rendered separately then show a label
/// that crosses their shared edge at exactly the same place, as if both were cut from one image, while each render
/// only draws and encodes its own pixels.
/// </summary>
/// <remarks>Opaque outside the renderer that made it; immutable, so concurrent renders may share it.</remarks>
public abstract class PlacedLabels
{
    protected PlacedLabels(Envelope bbox, int srid, int width, int height, int buffer)
    {
        Bbox = bbox ?? throw new ArgumentNullException(nameof(bbox));
        Srid = srid;
        Width = width;
        Height = height;
        Buffer = buffer;
    }

    /// <summary>The extent the labels were placed for (without its buffer), with <see cref="Width"/>×<see cref="Height"/> pixels.</summary>
    public Envelope Bbox { get; }
    public int Srid { get; }
    public int Width { get; }
    public int Height { get; }
    public int Buffer { get; }

    /// <summary>How many labels were drawn.</summary>
    public abstract int Count { get; }

    /// <summary>Memory held, for caches that bound their size.</summary>
    public abstract long ApproximateBytes { get; }
}
