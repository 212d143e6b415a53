using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Invalidation;

/// <summary>A small catalog (two layers, a group of both, a group of the group) and the shipped tile matrix sets.</summary>
internal static class InvalidationCatalogs
{
    public static readonly CrsRegistry Crs = new();

    public static TileMatrixSetCatalog Sets { get; } = TileMatrixSetCatalog.Load(Path.Combine(Root(), "config", "tilematrixsets"), Crs);

    public static CatalogSnapshot Catalog()
    {
        var extent = new Envelope(900_000, 1_000_000, 6_350_000, 6_450_000);
        LayerDefinition Vector(string id, string table) => new() { Id = id, Title = id, SourceId = "main", Table = table, Srid = 2154, Extent = extent };
        var layers = new List<LayerDefinition>
        {
            Vector("parcelles", "parcelles"),
            Vector("parcelles_bis", "geomas.parcelles"),
            Vector("routes", "routes"),
            new() { Id = "plan", Title = "plan", Kind = LayerKind.Group, Children = ["parcelles", "routes"] },
            new() { Id = "tout", Title = "tout", Kind = LayerKind.Group, Children = ["plan"] },
            new() { Id = "fond", Title = "fond", Kind = LayerKind.Group, Children = ["routes"] },
        };
        var sources = new Dictionary<string, SourceDefinition>
        {
            ["main"] = new() { Id = "main", Kind = SourceKind.PostGis, Connection = "Host=x", Schema = "geomas" },
        };
        return new CatalogSnapshot(new ServiceMetadata { Title = "test" }, sources, layers, new ServiceLimits(), [2154], "1");
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoMas.Ogc.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GeoMas.Ogc.sln not found");
    }
}
