using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// Rows of one table changed (reported by the database, e.g. PostGIS triggers + NOTIFY). <see cref="Bounds"/> is the
/// union extent of the old and new geometries in the table's SRID; null means "anything in the table may have
/// changed" (TRUNCATE, or notifications lost while the listener was disconnected: then <see cref="Table"/> is null
/// too and the whole source is concerned).
/// </summary>
public sealed record DataChange(string SourceId, string? Schema, string? Table, Envelope? Bounds, string Id)
{
    public bool IsWholeTable => Bounds is null;

    public bool IsWholeSource => Table is null;

    /// <summary>The listener lost its connection: changes made meanwhile are unknown.</summary>
    public static DataChange SourceUnknown(string sourceId) => new(sourceId, null, null, null, "lost:" + Guid.NewGuid().ToString("N"));
}
