using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// <c>/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}</c> → a
/// <see cref="TileRequest"/> (OAT-2, OAT-3). A row or column that is not a non-negative integer is a 400; a tile
/// matrix the set does not have, or a tile outside the tileset's <c>tileMatrixSetLimits</c> (the ETS asks for row
/// 2147483647), is a 404. Every tile inside the limits exists: where there is no data it is a blank tile (200), which
/// the ETS requires. Style "default" and no time: the same tile, cache key and bytes as the WMTS REST tile.
/// </summary>
public static class OgcApiTileParser
{
    public static TileRequest Parse(LayerDefinition layer, TileMatrixSet tms, IReadOnlyList<TileMatrixLimits> limits,
        string tileMatrix, string tileRow, string tileCol, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(tms);
        ArgumentNullException.ThrowIfNull(limits);
        var row = Index(tileRow, "tileRow");
        var col = Index(tileCol, "tileCol");
        var matrix = tms.FindMatrix(tileMatrix)
            ?? throw OgcApiErrorWriter.NotFound($"Tile matrix set {tms.Id} has no tile matrix '{tileMatrix}'.", "tileMatrix");
        var range = limits.FirstOrDefault(l => l.TileMatrix == matrix.Id);
        if (range is null || row is not { } r || col is not { } c || !range.Contains(r, c))
        {
            var where = range is null
                ? $"collection '{layer.Id}' has no tiles in tile matrix {matrix.Id}"
                : $"tile matrix {matrix.Id} of collection '{layer.Id}' has rows {range.MinTileRow}..{range.MaxTileRow} and columns {range.MinTileCol}..{range.MaxTileCol}";
            throw OgcApiErrorWriter.NotFound($"Tile {tileMatrix}/{tileRow}/{tileCol} does not exist: {where}.", "tileRow,tileCol");
        }

        return new TileRequest
        {
            Layer = layer,
            StyleName = "default",
            TileMatrixSet = tms,
            TileMatrix = matrix,
            Row = r,
            Col = c,
            Format = format,
        };
    }

    // ASCII digits only ("-1", "1.5", "+3", " 2" are not tile indices). A number too long for a long is a tile that
    // cannot exist: null, reported as a 404 like any other index outside the limits.
    private static long? Index(string text, string name)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
            throw ServiceException.Invalid(name, $"{name} '{text}' is not a non-negative integer.");
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
