namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>What the server does when a source cannot be reached at start.</summary>
public sealed class StartupOptions
{
    /// <summary>
    /// true (default): an unreachable source is a startup error, like a missing table. false: the server starts
    /// degraded (layers keep their configured extent, or the area of use of their CRS) and /health/ready answers
    /// 503 until the source answers — for orchestrators that start the server before the database.
    /// </summary>
    public bool RequireSources { get; set; } = true;
}
