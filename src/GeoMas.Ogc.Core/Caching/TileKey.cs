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

    // A tile lookup hashes one key. The generated hash ran the randomized string hash over all seven strings; the
    // layer, matrix and time with the row, column and revision tell tiles apart as well (a time-enabled layer may
    // hold many times of one tile; styles, formats, sets and scopes are a handful), and equality compares every member.
    public override int GetHashCode() =>
        HashCode.Combine(Row, Col, Revision, StringComparer.Ordinal.GetHashCode(Layer), StringComparer.Ordinal.GetHashCode(TileMatrix),
            StringComparer.Ordinal.GetHashCode(Time));

    public bool Equals(TileKey? other) =>
        other is not null
        && Row == other.Row && Col == other.Col && Revision == other.Revision
        && string.Equals(Layer, other.Layer, StringComparison.Ordinal)
        && string.Equals(TileMatrix, other.TileMatrix, StringComparison.Ordinal)
        && string.Equals(TileMatrixSet, other.TileMatrixSet, StringComparison.Ordinal)
        && string.Equals(Style, other.Style, StringComparison.Ordinal)
        && string.Equals(Format, other.Format, StringComparison.Ordinal)
        && string.Equals(Time, other.Time, StringComparison.Ordinal)
        && string.Equals(Scope, other.Scope, StringComparison.Ordinal);
}
