using GeoMas.Ogc.Core.Usage;
using System.Globalization;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Wms;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// GetFeatureInfo (KVP and REST, WMTS-T10): the tile is validated as GetTile does, then the pixel (I, J) of that tile
/// is asked to <see cref="IFeatureInfoService"/> with the tile's bounds as the viewport, and the answer is written by
/// the WMS feature info encoders. A layer without queryable members → 501 OperationNotSupported; I/J outside the tile
/// → PointIJOutOfRange (400, WMTS 1.0.0 Table 27).
/// </summary>
public static class WmtsGetFeatureInfoHandler
{
    public static async Task HandleAsync(HttpContext context, WmtsTileAddress address, WmtsInfoFormat format, string? iText, string? jText,
        WmtsServices services, bool headOnly)
    {
        var queryLayers = services.Contents.QueryLayers(address.Layer);
        var i = ParsePixel(iText, "I", address.TileMatrix.TileWidth);
        var j = ParsePixel(jText, "J", address.TileMatrix.TileHeight);
        var request = new FeatureInfoRequest
        {
            Bbox = TileMath.TileBounds(address.TileMatrix, address.Row, address.Col),
            Srid = address.TileMatrixSet.Srid,
            Width = address.TileMatrix.TileWidth,
            Height = address.TileMatrix.TileHeight,
            QueryLayers = queryLayers,
            I = i,
            J = j,
            FeatureCount = 1,
            TolerancePixels = WmsGetFeatureInfoParser.TolerancePixels,
            Time = address.Time,
            OutputSrid = address.TileMatrixSet.Srid,
        };
        var response = context.Response;
        response.ContentType = format.Encoder.ContentType;
        if (headOnly)
            return;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(services.Snapshot.Limits.QueryTimeout);
        IReadOnlyList<FeatureInfoResult> results;
        try
        {
            results = await services.FeatureInfo.QueryAsync(request, deadline.Token);
        }
        catch (OperationCanceledException e) when (!context.RequestAborted.IsCancellationRequested)
        {
            throw ServiceException.Unavailable("The feature query did not finish in time.", e);
        }
        context.Features.Get<IUsageRecorder>().FeatureInfo(results);
        await format.Encoder.WriteAsync(results, address.TileMatrixSet.Srid, response.Body, context.RequestAborted);
    }

    /// <summary>Checks, before any tile work, that the layer can be queried at all (501 otherwise).</summary>
    public static void CheckQueryable(WmtsTileAddress address, WmtsContents contents)
    {
        if (!contents.IsQueryable(address.Layer))
            throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported",
                $"Layer '{address.Layer.Id}' is not queryable.", "GetFeatureInfo");
    }

    public static WmtsInfoFormat ParseInfoFormat(string? text) =>
        string.IsNullOrEmpty(text)
            ? throw ServiceException.Missing("InfoFormat")
            : WmtsInfoFormat.FindByMime(text) ?? throw ServiceException.Invalid("InfoFormat", $"InfoFormat '{text}' is not offered.");

    private static int ParsePixel(string? text, string locator, int size)
    {
        if (string.IsNullOrEmpty(text))
            throw ServiceException.Missing(locator);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw ServiceException.Invalid(locator, $"{locator} '{text}' is not a pixel index.");
        if (value < 0 || value >= size)
            throw ServiceException.Invalid(locator, $"{locator} {value} is outside the tile (0..{size - 1}).", "PointIJOutOfRange");
        return value;
    }
}
