namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// One data store. <c>kind</c> is <c>postgis</c> (uses <see cref="ConnectionString"/>), <c>geopackage</c> or
/// <c>raster</c> (use <see cref="Path"/>, relative to the configuration file's folder). Both strings accept
/// <c>${VAR}</c> and <c>${VAR:-default}</c> so that secrets come from the environment, never from the repository.
/// </summary>
public sealed class SourceOptions
{
    public string? Kind { get; set; }
    public string? ConnectionString { get; set; }
    public string? Path { get; set; }
    /// <summary>Schema of unqualified table names (PostGIS).</summary>
    public string? Schema { get; set; }
    public int StatementTimeoutSeconds { get; set; } = 30;
    public int MaxPoolSize { get; set; } = 20;
    /// <summary>The upstream of a <c>remote-wmts</c> or <c>remote-wms</c> source.</summary>
    public RemoteSourceOptions? Remote { get; set; }
}
