using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote.Http;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Remote.Wms;

/// <summary>
/// A remote WMS as a raster source in the configured GetMap CRS: one transparent GetMap of exactly the requested
/// window, at the requested pixel size capped by the upstream's (and the configuration's) maximum size. Service
/// exceptions (an XML answer, or an image of the wrong size) are failures, never drawn.
/// </summary>
public sealed class RemoteWmsSource : RemoteRasterSource<WmsUpstreamCapabilities>
{
    private readonly IReadOnlyList<string> _layers;

    public RemoteWmsSource(string sourceId, RemoteSourceDefinition remote, RasterInfo info, UpstreamClient client)
        : base(sourceId, remote, info, client)
    {
        _layers = remote.Layers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    protected override Uri CapabilitiesUrl() =>
        UrlQuery.Append(UrlQuery.Without(Remote.Url, "SERVICE", "REQUEST", "VERSION"),
            [("SERVICE", "WMS"), ("REQUEST", "GetCapabilities"), ("VERSION", Remote.Version)]);

    protected override WmsUpstreamCapabilities ParseCapabilities(Stream document)
    {
        var capabilities = WmsCapabilitiesReader.Read(document, _layers, Info.Srid);
        if (capabilities.Formats.Count > 0 && !capabilities.Formats.Contains(Remote.Format))
            throw new FormatException($"GetMap is not offered as {Remote.Format} (only {string.Join(", ", capabilities.Formats)})");
        return capabilities;
    }

    public override async ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = Capabilities;
        var extent = request.Extent;
        if (extent.IsNull || extent.Width <= 0 || extent.Height <= 0)
            return null;
        var (width, height) = Size(request, capabilities);
        var response = await Client.GetAsync(GetMapUrl(capabilities, extent, width, height), expectsImage: true, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
            throw ServiceException.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"Upstream unavailable: '{SourceId}' refused GetMap (HTTP {(int)response.Status}: {OgcExceptionReport.Describe(response.Body)})."));
        using var bitmap = DecodeImage(response);
        // An image of another size is an "inimage"-style failure or a server that ignored WIDTH/HEIGHT: never draw it misplaced.
        if (bitmap.Width != width || bitmap.Height != height)
            throw ServiceException.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"Upstream unavailable: '{SourceId}' answered a {bitmap.Width}×{bitmap.Height} image for a {width}×{height} GetMap."));
        var window = RasterWindow.Rent(width, height, new Envelope(extent));
        RemoteImageDecoder.Blit(bitmap, window.Pixels, width, height, 0, 0);
        return window;
    }

    /// <summary>Pixel size for the wanted resolution, shrunk (aspect kept) to the upstream's and the configured maximum, and to MaxPixels.</summary>
    internal (int Width, int Height) Size(RasterReadRequest request, WmsUpstreamCapabilities capabilities)
    {
        double width = Math.Max(1, Math.Round(request.Extent.Width / request.ResolutionX));
        double height = Math.Max(1, Math.Round(request.Extent.Height / request.ResolutionY));
        var maxWidth = Math.Min(Remote.MaxSize, capabilities.MaxWidth ?? int.MaxValue);
        var maxHeight = Math.Min(Remote.MaxSize, capabilities.MaxHeight ?? int.MaxValue);
        var shrink = Math.Min(1, Math.Min(maxWidth / width, maxHeight / height));
        shrink = Math.Min(shrink, Math.Sqrt(request.MaxPixels / (width * height)));
        return ((int)Math.Max(1, Math.Floor(width * shrink)), (int)Math.Max(1, Math.Floor(height * shrink)));
    }

    private Uri GetMapUrl(WmsUpstreamCapabilities capabilities, Envelope extent, int width, int height)
    {
        var v130 = Remote.Version == "1.3.0";
        var crs = CrsIdentifier.Epsg(Info.Srid);
        // WMS 1.3.0 §6.7.3: BBOX follows the CRS axis order, latitude first for EPSG:4326; 1.1.1 is always x,y.
        var northFirst = AxisOrderRules.For(crs, v130 ? AxisContext.Wms130 : AxisContext.Wms111) == AxisOrder.NorthEast;
        double[] box = northFirst
            ? [extent.MinY, extent.MinX, extent.MaxY, extent.MaxX]
            : [extent.MinX, extent.MinY, extent.MaxX, extent.MaxY];
        var endpoint = UrlQuery.Without(capabilities.GetMapUrl ?? Remote.Url, "SERVICE", "REQUEST", "VERSION");
        return UrlQuery.Append(endpoint,
        [
            ("SERVICE", "WMS"), ("VERSION", Remote.Version), ("REQUEST", "GetMap"),
            ("LAYERS", Remote.Layers), ("STYLES", Remote.Styles),
            (v130 ? "CRS" : "SRS", crs.ToShortForm()),
            ("BBOX", string.Join(',', box.Select(b => b.ToString("R", CultureInfo.InvariantCulture)))),
            ("WIDTH", width.ToString(CultureInfo.InvariantCulture)), ("HEIGHT", height.ToString(CultureInfo.InvariantCulture)),
            ("FORMAT", Remote.Format), ("TRANSPARENT", "TRUE"),
            ("EXCEPTIONS", v130 ? "XML" : "application/vnd.ogc.se_xml"),
        ]);
    }
}
