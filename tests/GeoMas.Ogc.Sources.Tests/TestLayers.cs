using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>
/// Layer definitions matching the demo tables (shared/data/README.md). Table names are bare: the PostGIS
/// source resolves them in its default schema "geomas", the GeoPackage has no schema.
/// </summary>
internal static class TestLayers
{
    public static readonly CrsRegistry Crs = new();

    public static readonly LayerDefinition Communes = new()
    {
        Id = "communes",
        Title = "Communes",
        SourceId = "test",
        Table = "communes",
        IdColumn = "insee",
        Attributes =
        [
            new("insee", AttributeType.String), new("nom", AttributeType.String), new("dep", AttributeType.String),
            new("population", AttributeType.Integer),
        ],
    };

    public static readonly LayerDefinition Parcelles = new()
    {
        Id = "parcelles",
        Title = "Parcelles",
        SourceId = "test",
        Table = "parcelles",
        Attributes =
        [
            new("commune", AttributeType.String), new("section", AttributeType.String), new("numero", AttributeType.Integer),
            new("contenance", AttributeType.Integer), new("updated_at", AttributeType.DateTime),
        ],
    };

    public static readonly LayerDefinition Batiments = new()
    {
        Id = "batiments",
        Title = "Bâtiments",
        SourceId = "test",
        Table = "batiments",
        Attributes = [new("commune", AttributeType.String), new("type", AttributeType.String), new("hauteur", AttributeType.Double)],
    };

    public static readonly LayerDefinition PluZones = new()
    {
        Id = "plu_zones",
        Title = "PLU",
        SourceId = "test",
        Table = "plu_zones",
        Attributes =
        [
            new("libelle", AttributeType.String), new("typezone", AttributeType.String), new("insee", AttributeType.String),
            new("valid_from", AttributeType.Date), new("valid_to", AttributeType.Date),
        ],
        Time = new TimeDimension { StartColumn = "valid_from", EndColumn = "valid_to" },
    };

    public static readonly LayerDefinition Routes = new()
    {
        Id = "routes",
        Title = "Routes",
        SourceId = "test",
        Table = "routes",
        GeometryKind = GeometryKind.Line,
        Attributes = [new("nom", AttributeType.String), new("classe", AttributeType.String), new("largeur", AttributeType.Double)],
    };

    /// <summary>The folder holding GeoMas.Ogc.sln, found from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoMas.Ogc.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GeoMas.Ogc.sln not found above " + AppContext.BaseDirectory);
    }

    public static SourceDefinition GeoPackageSource() => new()
    {
        Id = "test",
        Kind = SourceKind.GeoPackage,
        Connection = Path.Combine(RepositoryRoot(), "config", "demo", "geomas-demo.gpkg"),
    };

    /// <summary>GEOMAS_PG or the local development database. Unreachable = failing tests, by design.</summary>
    public static SourceDefinition PostGisSource(TimeSpan? statementTimeout = null) => new()
    {
        Id = "test",
        Kind = SourceKind.PostGis,
        Schema = "geomas",
        MaxPoolSize = 8,
        Connection = Environment.GetEnvironmentVariable("GEOMAS_PG") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Database=geomas;Username=geomas;Password=geomas",
        StatementTimeout = statementTimeout ?? TimeSpan.FromSeconds(30),
    };
}
