namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// Validity history on a layer (plu_zones): a row is in force on day d when
/// <c>start &lt;= d AND (end IS NULL OR d &lt; end)</c>. Without a TIME/datetime the rows in force today are served.
/// </summary>
public sealed record TimeDimension
{
    public required string StartColumn { get; init; }
    /// <summary>Exclusive end; NULL in the data means "still in force".</summary>
    public string? EndColumn { get; init; }
    /// <summary>Distinct dates on which the layer changed (from the data), ascending.</summary>
    public IReadOnlyList<DateOnly> Values { get; init; } = [];
    public DateOnly? Min => Values.Count > 0 ? Values[0] : null;
}
