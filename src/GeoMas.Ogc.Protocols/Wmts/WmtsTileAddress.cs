using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Core.Time;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>A validated tile: layer, published style, tile matrix set and matrix, position, format and time.</summary>
public sealed record WmtsTileAddress(
    LayerDefinition Layer,
    WmtsStyle Style,
    TileMatrixSet TileMatrixSet,
    TileMatrix TileMatrix,
    long Row,
    long Col,
    WmtsTileFormat Format,
    TimeSelection? Time)
{
    public TileRequest ToTileRequest() => new()
    {
        Layer = Layer,
        StyleName = Style.IsDefault ? WmtsStyle.DefaultIdentifier : Style.Identifier,
        TileMatrixSet = TileMatrixSet,
        TileMatrix = TileMatrix,
        Row = Row,
        Col = Col,
        Format = Format.Image,
        Time = Time,
    };
}
