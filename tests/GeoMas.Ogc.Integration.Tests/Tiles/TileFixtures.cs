using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Tiles;

/// <summary>Tile requests against the real catalog of a started server.</summary>
internal static class TileFixtures
{
    public static TileRequest Request(IServiceProvider services, string layerId, string tms, int zoom, long row, long col, ImageFormat? format = null)
    {
        var snapshot = services.GetRequiredService<ICatalogProvider>().Current;
        var set = services.GetRequiredService<TileMatrixSetCatalog>().Find(tms)!;
        return new TileRequest
        {
            Layer = snapshot.FindLayer(layerId)!,
            StyleName = "default",
            TileMatrixSet = set,
            TileMatrix = set.TileMatrices[zoom],
            Row = row,
            Col = col,
            Format = format ?? ImageFormat.Png,
        };
    }

    /// <summary>The tile holding the centre of a layer's data in a matrix.</summary>
    public static (long Row, long Col) CentreTile(IServiceProvider services, string layerId, string tms, int zoom)
    {
        var snapshot = services.GetRequiredService<ICatalogProvider>().Current;
        var set = services.GetRequiredService<TileMatrixSetCatalog>().Find(tms)!;
        var extent = LayerTileLimits.ExtentIn(snapshot.FindLayer(layerId)!, set.Srid, services.GetRequiredService<CrsRegistry>());
        var matrix = set.TileMatrices[zoom];
        var range = TileMath.TileRange(matrix, new NetTopologySuite.Geometries.Envelope(extent.Centre))!.Value;
        return (range.MinRow, range.MinCol);
    }

    /// <summary>A command-line argument giving the server its own disk cache folder (tests never write to the repository's tilecache/).</summary>
    public static string DiskCacheArgument(string path) => "--cache:diskPath=" + path;
}
