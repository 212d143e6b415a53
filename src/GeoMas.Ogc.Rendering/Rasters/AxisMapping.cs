namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>
/// An axis-aligned map from canvas pixel coordinates to a raster window's pixel coordinates (both continuous, pixel i
/// covering [i, i + 1)): u = (x − <see cref="OriginX"/>) × <see cref="ScaleX"/>, v = (y − <see cref="OriginY"/>) × <see cref="ScaleY"/>.
/// </summary>
/// <param name="OriginX">Canvas x of the window's left edge.</param>
/// <param name="OriginY">Canvas y of the window's top edge.</param>
/// <param name="ScaleX">Window pixels per canvas pixel across (positive).</param>
/// <param name="ScaleY">Window pixels per canvas pixel down (positive).</param>
internal readonly record struct AxisMapping(double OriginX, double OriginY, double ScaleX, double ScaleY)
{
    public double U(double x) => (x - OriginX) * ScaleX;
    public double V(double y) => (y - OriginY) * ScaleY;
}
