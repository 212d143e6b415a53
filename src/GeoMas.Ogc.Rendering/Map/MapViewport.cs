using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>
/// The world→pixel affine transform of one render. Pixels are areas: the BBOX edges are the outer edges of the edge
/// pixels (WMS-M8), so x = minX maps to pixel coordinate 0 and x = maxX to <c>Width</c>. X and Y scales are separate,
/// so a BBOX whose aspect differs from WIDTH/HEIGHT is stretched, never letter-boxed (WMS-M9).
/// A metatile <see cref="Buffer"/> adds pixels on every side; the canvas is larger and cropped after drawing.
/// </summary>
internal sealed class MapViewport
{
    public MapViewport(Envelope bbox, int width, int height, int buffer, double metersPerUnit, double dpi)
    {
        Bbox = bbox;
        Width = width;
        Height = height;
        Buffer = buffer;
        Dpi = dpi > 0 ? dpi : MapRequest.StandardDpi;
        ScaleX = width / bbox.Width;
        ScaleY = height / bbox.Height;
        OffsetX = buffer - bbox.MinX * ScaleX;
        OffsetY = buffer + bbox.MaxY * ScaleY;
        MetersPerPixel = bbox.Width * metersPerUnit / width;
        ScaleDenominator = MapScale.Denominator(bbox.Width, width, metersPerUnit, Dpi);
        RenderedBbox = new Envelope(bbox.MinX - buffer / ScaleX, bbox.MaxX + buffer / ScaleX, bbox.MinY - buffer / ScaleY, bbox.MaxY + buffer / ScaleY);
    }

    public static MapViewport For(MapRequest request, CrsRegistry crs) =>
        new(request.Bbox, request.Width, request.Height, Math.Max(0, request.Buffer), crs.MetersPerUnit(request.Srid), request.Dpi);

    /// <summary>The requested map extent (without buffer).</summary>
    public Envelope Bbox { get; }
    public int Width { get; }
    public int Height { get; }
    public int Buffer { get; }
    public double Dpi { get; }

    /// <summary>Pixels per CRS unit along x and y.</summary>
    public double ScaleX { get; }
    public double ScaleY { get; }
    private double OffsetX { get; }
    private double OffsetY { get; }

    public double MetersPerPixel { get; }
    public double ScaleDenominator { get; }

    /// <summary>Extent covered by the whole canvas, buffer included.</summary>
    public Envelope RenderedBbox { get; }

    public int CanvasWidth => Width + 2 * Buffer;
    public int CanvasHeight => Height + 2 * Buffer;

    /// <summary>SE "pixel" sizes are defined at the 0.28 mm standard pixel: a 180 dpi print gets symbols twice as many pixels wide.</summary>
    public double DpiFactor => Dpi / MapRequest.StandardDpi;

    public float X(double x) => (float)(x * ScaleX + OffsetX);
    public float Y(double y) => (float)(OffsetY - y * ScaleY);

    public double WorldX(double px) => (px - OffsetX) / ScaleX;
    public double WorldY(double py) => (OffsetY - py) / ScaleY;
}
