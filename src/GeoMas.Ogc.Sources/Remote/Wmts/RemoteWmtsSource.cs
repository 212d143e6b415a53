using System.Globalization;
using System.Net;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote.Http;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Remote.Wmts;

/// <summary>
/// A remote WMTS layer as a raster source in its tile matrix set's CRS: picks the matrix for the wanted resolution,
/// fetches the tiles under the window concurrently (KVP GetTile or the RESTful ResourceURL template), and mosaics
/// them into one window cropped to the pixels that cover the request. Tiles the upstream does not have (404) stay
/// transparent; any other failure fails the read.
/// </summary>
public sealed class RemoteWmtsSource : RemoteRasterSource<WmtsUpstreamCapabilities>
{
    private readonly CrsRegistry _crs;

    public RemoteWmtsSource(string sourceId, RemoteSourceDefinition remote, RasterInfo info, UpstreamClient client, CrsRegistry crs)
        : base(sourceId, remote, info, client)
    {
        ArgumentNullException.ThrowIfNull(crs);
        _crs = crs;
    }

    /// <summary>The matrix used by the last read (tests and diagnostics).</summary>
    public string? LastMatrix { get; private set; }

    /// <summary>True when tiles are requested through the RESTful template, false for KVP (after capabilities are read).</summary>
    public bool UsesRest => Template(Capabilities) is not null;

    protected override Uri CapabilitiesUrl() => Remote.Url;

    protected override WmtsUpstreamCapabilities ParseCapabilities(Stream document)
    {
        var capabilities = WmtsCapabilitiesReader.Read(document, Remote.Layers, Remote.TileMatrixSet ?? "", _crs);
        var set = capabilities.MatrixSet!;
        if (set.Srid != Info.Srid)
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"tile matrix set '{set.Identifier}' is in EPSG:{set.Srid}, but the layer is configured in EPSG:{Info.Srid}"));
        if (Remote.Styles.Length > 0 && capabilities.Styles.Count > 0 && !capabilities.Styles.Contains(Remote.Styles))
            throw new FormatException($"layer '{Remote.Layers}' has no style '{Remote.Styles}' (it has: {string.Join(", ", capabilities.Styles)})");
        if (capabilities.Formats.Count > 0 && !capabilities.Formats.Contains(Remote.Format))
            throw new FormatException($"layer '{Remote.Layers}' is not offered as {Remote.Format} (only {string.Join(", ", capabilities.Formats)})");
        var rest = capabilities.ResourceTemplates.Any(t => t.Format == Remote.Format);
        if (Remote.RequestEncoding == "rest" && !rest)
            throw new FormatException($"layer '{Remote.Layers}' has no RESTful ResourceURL for {Remote.Format}");
        if (Remote.RequestEncoding == "kvp" && capabilities.KvpGetTileUrl is null && rest)
            throw new FormatException("the upstream offers no KVP GetTile endpoint");
        return capabilities;
    }

    public override async ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = Capabilities;
        var matrices = capabilities.MatrixSet!.Matrices;
        if (request.Extent.IsNull || request.Extent.Width <= 0 || request.Extent.Height <= 0)
            return null;
        var index = WmtsMatrixSelector.Select(matrices, Math.Min(request.ResolutionX, request.ResolutionY));
        PixelWindow window;
        while (true)
        {
            if (PixelWindow.Of(matrices[index], request.Extent) is not { } w)
                return null;
            // An absurd request (huge extent at a fine resolution) steps to coarser matrices instead of exhausting memory.
            if ((long)w.Width * w.Height <= request.MaxPixels || index == 0)
            {
                window = w;
                break;
            }
            index--;
        }
        var matrix = matrices[index];
        LastMatrix = matrix.Identifier;
        if ((long)window.Width * window.Height > request.MaxPixels)
            throw ServiceException.LimitExceeded("BBOX", "The requested area is too large for the cascaded layer's coarsest tile matrix.");

        var result = RasterWindow.Rent(window.Width, window.Height, window.Extent(matrix));
        try
        {
            var tiles = window.Tiles(matrix).ToList();
            async ValueTask FetchAsync((long Row, long Col) tile, CancellationToken token)
            {
                using var bitmap = await FetchTileAsync(capabilities, matrix, tile.Row, tile.Col, token).ConfigureAwait(false);
                if (bitmap is not null)
                {
                    // Tiles cover disjoint parts of the window: concurrent copies never overlap.
                    RemoteImageDecoder.Blit(bitmap, result.Buffer.AsSpan(0, result.Height * result.Stride), result.Width, result.Height,
                        (int)((tile.Col * matrix.TileWidth) - window.X0), (int)((tile.Row * matrix.TileHeight) - window.Y0));
                }
            }

            // After a break, the half-open breaker admits one probe and rejects the rest: send one tile alone first,
            // so that the read that finds the upstream back succeeds instead of failing on its siblings.
            var first = 0;
            if (!Client.IsCircuitClosed)
            {
                await FetchAsync(tiles[0], cancellationToken).ConfigureAwait(false);
                first = 1;
            }
            await Parallel.ForEachAsync(tiles.Skip(first), new ParallelOptions
            {
                MaxDegreeOfParallelism = Remote.Policy.MaxConcurrentRequests,
                CancellationToken = cancellationToken,
            }, FetchAsync).ConfigureAwait(false);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private async Task<SkiaSharp.SKBitmap?> FetchTileAsync(WmtsUpstreamCapabilities capabilities, WmtsUpstreamMatrix matrix, long row, long col, CancellationToken cancellationToken)
    {
        var response = await Client.GetAsync(TileUrl(capabilities, matrix, row, col), expectsImage: true, cancellationToken).ConfigureAwait(false);
        if (response.Status is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
            return null;
        if (!response.IsSuccess)
        {
            var reason = OgcExceptionReport.Describe(response.Body);
            if (reason.Contains("TileOutOfRange", StringComparison.OrdinalIgnoreCase))
                return null;
            throw ServiceException.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"Upstream unavailable: '{SourceId}' refused tile {matrix.Identifier}/{row}/{col} (HTTP {(int)response.Status}: {reason})."));
        }
        var bitmap = DecodeImage(response);
        if (bitmap.Width != matrix.TileWidth || bitmap.Height != matrix.TileHeight)
        {
            bitmap.Dispose();
            throw ServiceException.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"Upstream unavailable: '{SourceId}' sent a {bitmap.Width}×{bitmap.Height} tile for a {matrix.TileWidth}×{matrix.TileHeight} matrix."));
        }
        return bitmap;
    }

    private string Style(WmtsUpstreamCapabilities capabilities) =>
        Remote.Styles.Length > 0 ? Remote.Styles : capabilities.DefaultStyle ?? capabilities.Styles.FirstOrDefault() ?? "default";

    private WmtsResourceTemplate? Template(WmtsUpstreamCapabilities capabilities) =>
        Remote.RequestEncoding == "kvp" && capabilities.KvpGetTileUrl is not null
            ? null
            : capabilities.ResourceTemplates.FirstOrDefault(t => t.Format == Remote.Format);

    private Uri TileUrl(WmtsUpstreamCapabilities capabilities, WmtsUpstreamMatrix matrix, long row, long col)
    {
        var style = Style(capabilities);
        var set = capabilities.MatrixSet!.Identifier;
        if (Template(capabilities) is { } template)
        {
            var url = template.Template
                .Replace("{TileMatrixSet}", Uri.EscapeDataString(set), StringComparison.OrdinalIgnoreCase)
                .Replace("{TileMatrix}", Uri.EscapeDataString(matrix.Identifier), StringComparison.OrdinalIgnoreCase)
                .Replace("{TileRow}", row.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
                .Replace("{TileCol}", col.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
                .Replace("{Style}", Uri.EscapeDataString(style), StringComparison.OrdinalIgnoreCase);
            return new Uri(url);
        }
        var endpoint = capabilities.KvpGetTileUrl ?? UrlQuery.Without(Remote.Url, "SERVICE", "REQUEST", "VERSION");
        return UrlQuery.Append(UrlQuery.Without(endpoint, "SERVICE", "REQUEST", "VERSION"),
        [
            ("SERVICE", "WMTS"), ("REQUEST", "GetTile"), ("VERSION", "1.0.0"),
            ("LAYER", Remote.Layers), ("STYLE", style), ("TILEMATRIXSET", set), ("TILEMATRIX", matrix.Identifier),
            ("TILEROW", row.ToString(CultureInfo.InvariantCulture)), ("TILECOL", col.ToString(CultureInfo.InvariantCulture)),
            ("FORMAT", Remote.Format),
        ]);
    }

    /// <summary>The pixels of a matrix that cover an extent: [X0, X1) × [Y0, Y1) in matrix pixel coordinates, clamped to the matrix.</summary>
    internal readonly record struct PixelWindow(long X0, long Y0, long X1, long Y1)
    {
        public int Width => (int)(X1 - X0);
        public int Height => (int)(Y1 - Y0);

        public static PixelWindow? Of(WmtsUpstreamMatrix m, Envelope extent)
        {
            // A tiny inset keeps an extent that ends exactly on a pixel edge from pulling in one more pixel row.
            const double Epsilon = 1e-9;
            var x0 = Math.Max(0, (long)Math.Floor(((extent.MinX - m.OriginX) / m.Resolution) + Epsilon));
            var x1 = Math.Min(m.MatrixWidth * m.TileWidth, (long)Math.Ceiling(((extent.MaxX - m.OriginX) / m.Resolution) - Epsilon));
            var y0 = Math.Max(0, (long)Math.Floor(((m.OriginY - extent.MaxY) / m.Resolution) + Epsilon));
            var y1 = Math.Min(m.MatrixHeight * m.TileHeight, (long)Math.Ceiling(((m.OriginY - extent.MinY) / m.Resolution) - Epsilon));
            if (x1 <= x0 || y1 <= y0 || x1 - x0 > int.MaxValue || y1 - y0 > int.MaxValue)
                return null;
            return new PixelWindow(x0, y0, x1, y1);
        }

        public Envelope Extent(WmtsUpstreamMatrix m) => new(
            m.OriginX + (X0 * m.Resolution), m.OriginX + (X1 * m.Resolution),
            m.OriginY - (Y1 * m.Resolution), m.OriginY - (Y0 * m.Resolution));

        public IEnumerable<(long Row, long Col)> Tiles(WmtsUpstreamMatrix m)
        {
            for (var row = Y0 / m.TileHeight; row <= (Y1 - 1) / m.TileHeight; row++)
            {
                for (var col = X0 / m.TileWidth; col <= (X1 - 1) / m.TileWidth; col++)
                    yield return (row, col);
            }
        }
    }
}
