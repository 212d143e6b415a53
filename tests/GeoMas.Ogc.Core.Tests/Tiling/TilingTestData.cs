using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tests.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Tiling;

/// <summary>The repository's config/tilematrixsets loaded once, plus the reference extents of OGC-CHECKLISTS.md TMS-L4.</summary>
internal static class TilingTestData
{
    public static CrsRegistry Crs => SharedRegistry.Instance;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string TileMatrixSetDirectory => Path.Combine(RepositoryRoot, "config", "tilematrixsets");

    public static TileMatrixSetCatalog Catalog { get; } = TileMatrixSetCatalog.Load(TileMatrixSetDirectory, Crs);

    public static TileMatrixSet WebMercatorQuad => Catalog.Find("WebMercatorQuad")!;

    public static TileMatrixSet WorldCrs84Quad => Catalog.Find("WorldCRS84Quad")!;

    public static TileMatrixSet Lamb93 => Catalog.Find("LAMB93")!;

    /// <summary>Départements 04 + 05 in CRS84 (x = lon, y = lat), TMS-L4.</summary>
    public static Envelope DepartementsCrs84 { get; } = new(5.4184, 7.07711, 43.66828, 45.12685);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "config", "tilematrixsets")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("config/tilematrixsets not found above " + AppContext.BaseDirectory);
    }
}
