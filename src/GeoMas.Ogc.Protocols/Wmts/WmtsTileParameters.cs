namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// The raw values that address a tile, as read from KVP or from a REST path, before any validation. Null = absent.
/// <see cref="Format"/> is a MIME type (KVP) or null when <see cref="Extension"/> (REST) names it.
/// </summary>
public sealed record WmtsTileParameters
{
    public string? Layer { get; init; }
    public string? Style { get; init; }
    public string? Format { get; init; }
    public string? Extension { get; init; }
    public string? TileMatrixSet { get; init; }
    public string? TileMatrix { get; init; }
    public string? TileRow { get; init; }
    public string? TileCol { get; init; }
    public string? Time { get; init; }
}
