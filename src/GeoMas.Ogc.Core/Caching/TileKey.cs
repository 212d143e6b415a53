namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// Everything that changes a tile's bytes (STYLE.md §8.4). <see cref="Position"/> names the place of the tile; the
/// other members name one variant of it, so invalidating a place drops every variant at once.
/// </summary>
public sealed record TileKey(
    string Layer,
    string Style,
    string TileMatrixSet,
    string TileMatrix,
    long Row,
    long Col,
    string Format,
    string Time,
    string Scope,
    long Revision)
{
    /// <summary>"layer/tms/matrix/row/col" — the unit of invalidation.</summary>
    public string Position => $"{Layer}/{TileMatrixSet}/{TileMatrix}/{Row}/{Col}";

    /// <summary>"style|format|time|scope|revision" — one rendering of that position.</summary>
    public string Variant => $"{Style}|{Format}|{Time}|{Scope}|{Revision}";

    public override string ToString() => Position + "#" + Variant;
}
