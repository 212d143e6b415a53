namespace GeoMas.Ogc.Core.Catalog;

public enum SourceKind { PostGis, GeoPackage, Raster, RemoteWmts, RemoteWms }

/// <summary>A data store. For PostGIS <see cref="Connection"/> is a connection string, for GeoPackage and rasters a file path (resolved against the config folder).</summary>
public sealed record SourceDefinition
{
    public required string Id { get; init; }
    public required SourceKind Kind { get; init; }
    public required string Connection { get; init; }
    /// <summary>Default schema of table names without one (PostGIS).</summary>
    public string Schema { get; init; } = "public";
    /// <summary>PostgreSQL statement_timeout for every query of this source.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxPoolSize { get; init; } = 20;
    /// <summary>The upstream of a cascaded source (<see cref="SourceKind.RemoteWmts"/>, <see cref="SourceKind.RemoteWms"/>); null otherwise.</summary>
    public RemoteSourceDefinition? Remote { get; init; }
}
