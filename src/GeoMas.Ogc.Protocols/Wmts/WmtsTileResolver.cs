using System.Globalization;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// Validates tile parameters against the published contents, in the order and with the codes and locators of
/// WMTS-T4..T7 (WMTS 1.0.0 Table 23): every missing parameter → MissingParameterValue; unknown layer, Style, format,
/// TileMatrixSet (or one the layer does not link to), TileMatrix → InvalidParameterValue; a row or column outside
/// the matrix or outside the layer's published TileMatrixLimits → TileOutOfRange; an unadvertised time → locator time.
/// KVP and REST both come through here, so both accept exactly the same tiles.
/// </summary>
public static class WmtsTileResolver
{
    public static WmtsTileAddress Resolve(WmtsTileParameters p, WmtsContents contents)
    {
        var layerId = Require(p.Layer, "layer");
        var styleId = Require(p.Style, "Style");
        if (p.Extension is null)
            Require(p.Format, "format");
        var tmsId = Require(p.TileMatrixSet, "TileMatrixSet");
        var matrixId = Require(p.TileMatrix, "TileMatrix");
        var rowText = Require(p.TileRow, "TileRow");
        var colText = Require(p.TileCol, "TileCol");

        var layer = contents.FindLayer(layerId)
            ?? throw ServiceException.Invalid("layer", $"Layer '{layerId}' is not offered by this WMTS.");
        var style = WmtsStyle.Of(layer).FirstOrDefault(s => s.Identifier == styleId)
            ?? (layer.DefaultStyle is { } d && d.Name == styleId ? WmtsStyle.Of(layer)[0] : null)
            ?? throw ServiceException.Invalid("Style", $"Layer '{layerId}' has no style '{styleId}'.");
        var format = (p.Extension is { } extension ? WmtsTileFormat.FindByExtension(extension) : WmtsTileFormat.FindByMime(p.Format!))
            ?? throw ServiceException.Invalid("format", $"Format '{p.Format ?? p.Extension}' is not offered; use one of {string.Join(", ", WmtsTileFormat.All.Select(f => f.MimeType))}.");
        var link = contents.FindLink(layer, tmsId)
            ?? throw ServiceException.Invalid("TileMatrixSet", $"Layer '{layerId}' is not tiled in tile matrix set '{tmsId}'.");
        var matrix = link.TileMatrixSet.FindMatrix(matrixId)
            ?? throw ServiceException.Invalid("TileMatrix", $"Tile matrix set '{tmsId}' has no tile matrix '{matrixId}'.");

        var row = ParseIndex(rowText, "TileRow");
        var col = ParseIndex(colText, "TileCol");
        CheckRange(link, matrix, row, col);

        var time = WmtsTimeDimension.Of(layer) is { } dimension ? WmtsTimeDimension.Parse(p.Time, dimension, contents.Today) : null;
        return new WmtsTileAddress(layer, style, link.TileMatrixSet, matrix, row, col, format, time);
    }

    private static void CheckRange(WmtsTileMatrixSetLink link, TileMatrix matrix, long row, long col)
    {
        var limits = link.PublishedLimitsOf(matrix.Id);
        var (minRow, maxRow) = limits is null ? (0L, matrix.MatrixHeight - 1) : (limits.MinTileRow, limits.MaxTileRow);
        var (minCol, maxCol) = limits is null ? (0L, matrix.MatrixWidth - 1) : (limits.MinTileCol, limits.MaxTileCol);
        if (row < minRow || row > maxRow)
            throw OutOfRange("TileRow", row, minRow, maxRow, matrix.Id);
        if (col < minCol || col > maxCol)
            throw OutOfRange("TileCol", col, minCol, maxCol, matrix.Id);
    }

    private static ServiceException OutOfRange(string locator, long value, long min, long max, string matrix) =>
        ServiceException.Invalid(locator, $"{locator} {value} is outside {min}..{max} for tile matrix {matrix} of this layer.", "TileOutOfRange");

    private static long ParseIndex(string text, string locator) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : text.StartsWith('-') && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? throw ServiceException.Invalid(locator, $"{locator} {text} is negative.", "TileOutOfRange")
                : throw ServiceException.Invalid(locator, $"{locator} '{text}' is not a tile index.");

    private static string Require(string? value, string locator) =>
        string.IsNullOrEmpty(value) ? throw ServiceException.Missing(locator) : value;
}
