using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Tiling;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// Turns <c>/tiles/{layer}/{z}/{x}/{y}.{ext}</c> into a <see cref="TileRequest"/> in WebMercatorQuad: x is the
/// TileCol, y the TileRow (XYZ/OSM scheme, rows grow southwards like TMS 2.0 topLeft rows, so no flip).
/// </summary>
/// <remarks>
/// Status codes follow what Leaflet, OpenLayers and MapLibre handle: a tile that cannot exist (unknown layer, zoom
/// beyond the matrix set, x/y outside 0..2^z−1) is 404 — the clients draw nothing there and carry on — while a
/// URL that is not a tile address at all (z/x/y not integers, unknown extension, unknown style or time) is 400.
/// A tile inside the matrix but outside the layer's data is a 200 blank tile (the tile service decides).
/// </remarks>
public static class XyzTileParser
{
    public static TileRequest Parse(
        string layerId, string z, string x, string y, string extension, IQueryCollection query,
        CatalogSnapshot snapshot, TileMatrixSet webMercatorQuad, DateOnly today)
    {
        var layer = snapshot.FindLayer(layerId)
            ?? throw new ServiceException(ErrorKind.NotFound, "NotFound", $"Layer '{layerId}' does not exist.", "layer");
        var format = XyzTileFormat.FromExtension(extension)
            ?? throw ServiceException.Invalid("format", $"'.{extension}' is not a tile format (use .png, .jpg or .webp).");
        var zoom = Integer(z, "z");
        var col = Integer(x, "x");
        var row = Integer(y, "y");
        var options = XyzLayerOptions.Parse(layer, query, today);

        var matrix = zoom is >= 0 and <= int.MaxValue ? Matrix(webMercatorQuad, (int)zoom, z) : null;
        if (matrix is null)
        {
            throw new ServiceException(ErrorKind.NotFound, "TileOutOfRange", $"Zoom level {z} does not exist (0..{webMercatorQuad.TileMatrices.Count - 1}).", "z");
        }

        if (!TileMath.Contains(matrix, row ?? -1, col ?? -1))
        {
            throw new ServiceException(ErrorKind.NotFound, "TileOutOfRange",
                $"Tile {z}/{x}/{y} does not exist: x and y run from 0 to {(matrix.MatrixWidth - 1).ToString(CultureInfo.InvariantCulture)} at zoom {z}.", "x,y");
        }

        return new TileRequest
        {
            Layer = layer,
            StyleName = options.StyleName,
            TileMatrixSet = webMercatorQuad,
            TileMatrix = matrix,
            Row = row!.Value,
            Col = col!.Value,
            Format = format,
            Time = options.Time,
        };
    }

    // WebMercatorQuad lists its matrices by zoom, so the matrix at the zoom's index usually has the URL's text as its
    // identifier: no scan and no number formatting. FindMatrix stays the rule otherwise ("016", other orders).
    private static TileMatrix? Matrix(TileMatrixSet set, int zoom, string text)
    {
        var matrices = set.TileMatrices;
        if (zoom < matrices.Count && matrices[zoom].Id == text)
        {
            return matrices[zoom];
        }

        return set.FindMatrix(zoom.ToString(CultureInfo.InvariantCulture));
    }

    // An optional '-' and ASCII digits; anything else ("1.5", "abc", "+3", "1e3") is not a tile address. A number
    // too long for a long is a valid number of a tile that does not exist: null, reported as out of range.
    private static long? Integer(string text, string name)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length == 0 || !digits.ContainsOnlyDigits())
        {
            throw ServiceException.Invalid(name, $"{name}={text} is not an integer.");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
