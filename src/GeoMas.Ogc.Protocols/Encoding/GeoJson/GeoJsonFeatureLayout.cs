namespace GeoMas.Ogc.Protocols.Encoding.GeoJson;

/// <summary>
/// How the features of one response are written: the property names aligned with <c>Feature.Values</c>,
/// whether ids are JSON numbers (integer keys, so GDAL and QGIS can use them as FIDs), an optional id prefix
/// (WFS writes <c>layer.id</c>), whether positions are written latitude-first, and how many decimals coordinates keep.
/// </summary>
public sealed record GeoJsonFeatureLayout(
    IReadOnlyList<string> PropertyNames,
    bool NumericIds = false,
    bool SwapAxes = false,
    string? IdPrefix = null)
{
    /// <summary>
    /// Digits after the decimal point (see <see cref="GeoJsonPositionFormatter.DecimalsFor"/>); null keeps the
    /// shortest round-trip form of every double, which is slower to write and about a third longer.
    /// </summary>
    public int? CoordinateDecimals { get; init; }
}
