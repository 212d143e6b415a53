using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Core.Time;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>
/// Reads the parameters of <c>/collections/{collectionId}/map</c> (OAM-3, OAM-5) into the <see cref="MapRequest"/> WMS
/// GetMap also becomes:
/// <list type="bullet">
/// <item><c>crs</c>: one of the collection's CRSs; default the CRS of <c>bbox</c> when one is given, else the
/// storage CRS (S-OAM: storageCrs when declared).</item>
/// <item><c>bbox</c> (4 or 6 numbers) in <c>bbox-crs</c> (CRS84 default, axis order of that CRS); default the
/// collection's extent. A box in another CRS than the map's becomes the bounding box of its densified image.</item>
/// <item><c>width</c>/<c>height</c>: positive, at most the limits WMS enforces (MaxWidth, MaxHeight); one missing is
/// derived from the box's aspect ratio, both missing give a map <see cref="DefaultSize"/> pixels on its longer side.</item>
/// <item><c>transparent</c> (default true without <c>bgcolor</c>, false with it — unlike WMS), <c>bgcolor</c>
/// (hexadecimal RRGGBB), <c>datetime</c> (time-enabled collections; others ignore it, as items do).</item>
/// </list>
/// Anything else in the query is a 400 (OgcApiQuery rules).
/// </summary>
public sealed class OgcApiMapParser(CatalogSnapshot snapshot, CrsRegistry registry, DateOnly today)
{
    public const int DefaultSize = 1024;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
        { "f", "bbox", "bbox-crs", "crs", "width", "height", "transparent", "bgcolor", "datetime" };

    /// <summary>
    /// <paramref name="layer"/> gives the CRSs, extent and time dimension (a collection, or the group of the dataset
    /// map); <paramref name="drawn"/> is what is drawn, bottom to top.
    /// </summary>
    public OgcApiMapRequest Parse(LayerDefinition layer, IReadOnlyList<MapLayer> drawn, IQueryCollection query, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(format);
        OgcApiQuery.RejectUnknown(query, Known.Contains);
        var supported = OgcApiCrs.Supported(layer, snapshot, registry);
        var crs = MapCrs(layer, query, supported);
        var bbox = ParseBbox(layer, query, supported, crs);
        var (width, height) = ParseSize(query, bbox);

        var bgcolorText = OgcApiQuery.Single(query, "bgcolor");
        RgbaColor? background = bgcolorText is null ? null
            : RgbaColor.TryParse(bgcolorText, out var color) ? color
            : throw ServiceException.Invalid("bgcolor", $"bgcolor '{bgcolorText}' is not a hexadecimal colour (RRGGBB, #RRGGBB or 0xRRGGBB).");
        var transparent = ParseBoolean(OgcApiQuery.Single(query, "transparent"), "transparent", fallback: background is null);
        var (time, contentDatetime) = ParseTime(layer, OgcApiQuery.Single(query, "datetime"));

        var map = new MapRequest
        {
            Bbox = bbox,
            Srid = crs.Srid,
            Width = width,
            Height = height,
            Layers = drawn,
            Format = format,
            Transparent = transparent && format.SupportsTransparency,
            Background = background ?? RgbaColor.White,
            Time = time,
        };
        return new OgcApiMapRequest(map, crs, contentDatetime);
    }

    // Without crs, a map asked for a bbox is drawn in the bbox's CRS, so that the box is exactly the image (what
    // GDAL's OGCAPI driver, which sends CRS84 boxes only, relies on); a map without bbox is in the storage CRS.
    private static CrsIdentifier MapCrs(LayerDefinition layer, IQueryCollection query, IReadOnlyList<CrsIdentifier> supported)
    {
        if (OgcApiQuery.Single(query, "crs") is { } crsText)
            return OgcApiCrs.Parse(crsText, "crs", supported);
        if (OgcApiQuery.Single(query, "bbox") is not null)
            return OgcApiCrs.Parse(OgcApiQuery.Single(query, "bbox-crs"), "bbox-crs", supported);
        return supported.FirstOrDefault(c => !c.IsCrs84 && c.Srid == layer.Srid) is { Original: not null } storage ? storage : CrsIdentifier.Crs84;
    }

    private Envelope ParseBbox(LayerDefinition layer, IQueryCollection query, IReadOnlyList<CrsIdentifier> supported, CrsIdentifier crs)
    {
        var bboxCrsText = OgcApiQuery.Single(query, "bbox-crs");
        var text = OgcApiQuery.Single(query, "bbox");
        if (text is null)
        {
            if (bboxCrsText is not null)
                throw ServiceException.Invalid("bbox-crs", "bbox-crs is given without bbox.");
            var extent = LayerTileLimits.ExtentIn(layer, crs.Srid, registry);
            return extent.IsNull || extent.Width <= 0 || extent.Height <= 0
                ? throw ServiceException.Invalid("bbox", $"Collection '{layer.Id}' has no extent in {crs.ToHttpUri()}; give a bbox.")
                : extent;
        }

        var bboxCrs = OgcApiCrs.Parse(bboxCrsText, "bbox-crs", supported);
        var numbers = text.Split(',');
        if (numbers.Length is not (4 or 6))
            throw InvalidBbox(text, "4 or 6 comma-separated numbers are expected");
        var values = new double[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!double.TryParse(numbers[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw InvalidBbox(text, $"'{numbers[i]}' is not a number");
        }

        var (a1min, a2min, a1max, a2max) = values.Length == 4
            ? (values[0], values[1], values[2], values[3])
            : (values[0], values[1], values[3], values[4]);
        var (minX, minY, maxX, maxY) = AxisOrderRules.For(bboxCrs, AxisContext.OgcApi) == AxisOrder.EastNorth
            ? (a1min, a2min, a1max, a2max)
            : (a2min, a1min, a2max, a1max);
        if (minX >= maxX || minY >= maxY)
            throw InvalidBbox(text, "each lower bound must be below its upper bound (a map cannot cross the antimeridian)");
        if (registry.IsGeographic(bboxCrs.Srid) && (minY < -90 || maxY > 90))
            throw InvalidBbox(text, "latitudes must lie within [-90, 90]");

        var box = new Envelope(minX, maxX, minY, maxY);
        if (bboxCrs.Srid == crs.Srid)
            return box;
        var transformed = registry.GetTransform(bboxCrs.Srid, crs.Srid).TransformEnvelope(box);
        return transformed.IsNull || transformed.Width <= 0 || transformed.Height <= 0
            ? throw InvalidBbox(text, $"it lies outside the area of {crs.ToHttpUri()}")
            : transformed;
    }

    private (int Width, int Height) ParseSize(IQueryCollection query, Envelope bbox)
    {
        var limits = snapshot.Limits;
        var width = Size(OgcApiQuery.Single(query, "width"), "width", limits.MaxWidth);
        var height = Size(OgcApiQuery.Single(query, "height"), "height", limits.MaxHeight);
        var aspect = bbox.Width / bbox.Height;
        return (width, height) switch
        {
            ({ } w, { } h) => (w, h),
            ({ } w, null) => (w, Math.Clamp((int)Math.Round(w / aspect), 1, limits.MaxHeight)),
            (null, { } h) => (Math.Clamp((int)Math.Round(h * aspect), 1, limits.MaxWidth), h),
            _ => aspect >= 1
                ? (Math.Min(DefaultSize, limits.MaxWidth), Math.Clamp((int)Math.Round(Math.Min(DefaultSize, limits.MaxWidth) / aspect), 1, limits.MaxHeight))
                : (Math.Clamp((int)Math.Round(Math.Min(DefaultSize, limits.MaxHeight) * aspect), 1, limits.MaxWidth), Math.Min(DefaultSize, limits.MaxHeight)),
        };
    }

    private static int? Size(string? text, string name, int max)
    {
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw ServiceException.Invalid(name, $"{name} '{text}' is not a positive integer.");
        return value <= max ? value : throw ServiceException.LimitExceeded(name, $"{name}={value} exceeds the maximum of {max}.");
    }

    private static bool ParseBoolean(string? text, string name, bool fallback) => text switch
    {
        null => fallback,
        _ when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        _ when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw ServiceException.Invalid(name, $"{name} must be true or false, got '{text}'."),
    };

    // Without datetime a time-enabled collection shows what is in force today (null selection), as every protocol does.
    private (TimeSelection? Time, string? ContentDatetime) ParseTime(LayerDefinition layer, string? text)
    {
        // A group has no time dimension of its own; a member's (plu_zones in plan) applies, as in WMS.
        if (layer.Time is null && !snapshot.Expand(layer).Any(member => member.Time is not null))
            return (null, null);
        if (text is null)
            return (null, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var range = DateTimeParameter.Parse(text);
        return (new TimeSelection([range]), text.Trim());
    }

    private static ServiceException InvalidBbox(string text, string why) =>
        ServiceException.Invalid("bbox", $"Invalid bbox '{text}': {why}.");
}
