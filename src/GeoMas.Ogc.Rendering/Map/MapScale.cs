using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>OGC scale denominators: ground size of one pixel divided by the physical size of one pixel.</summary>
public static class MapScale
{
    /// <summary>Physical pixel size in metres at <paramref name="dpi"/> (0.28 mm at the OGC standard 90.714 dpi).</summary>
    public static double PixelSizeMeters(double dpi) => 0.0254 / (dpi > 0 ? dpi : MapRequest.StandardDpi);

    /// <summary>
    /// Scale denominator of a map <paramref name="width"/> pixels wide showing <paramref name="mapWidth"/> CRS units.
    /// Degrees use the equatorial metres per degree (OGC convention, TRAP-3), as WMTS well-known scale sets do,
    /// so that style scale ranges and tile matrix scales agree.
    /// </summary>
    public static double Denominator(double mapWidth, int width, double metersPerUnit, double dpi) =>
        mapWidth * metersPerUnit / width / PixelSizeMeters(dpi);
}
