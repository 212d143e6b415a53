using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>A catalog with one vector layer around Gap (EPSG:2154) and a LAMB93-like tile matrix set.</summary>
internal sealed class TestCatalog : ICatalogProvider
{
    public static readonly Envelope Extent = new(930_000, 950_000, 6_380_000, 6_400_000);

    public TestCatalog(CachePolicy? cache = null)
    {
        Layer = new LayerDefinition { Id = "parcelles", Title = "Parcelles", Extent = Extent, Srid = 2154, Cache = cache ?? CachePolicy.Default };
        Current = new CatalogSnapshot(new ServiceMetadata { Title = "test" }, new Dictionary<string, SourceDefinition>(), [Layer], new ServiceLimits(), [2154], "seq-1");
    }

    public LayerDefinition Layer { get; }

    public CatalogSnapshot Current { get; }

    public static TileMatrixSet Lamb93 { get; } = new()
    {
        Id = "LAMB93",
        CrsUri = "http://www.opengis.net/def/crs/EPSG/0/2154",
        Srid = 2154,
        TileMatrices = Enumerable.Range(0, 16).Select(z => new TileMatrix
        {
            Id = z.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CellSize = 209715.2 / (1 << z),
            ScaleDenominator = 209715.2 / (1 << z) / 0.00028,
            OriginX = 0,
            OriginY = 12_000_000,
            MatrixWidth = 1L << (z + 1),
            MatrixHeight = 1L << (z + 1),
        }).ToList(),
    };

    /// <summary>A tile of matrix <paramref name="z"/> that holds data (the tile containing the extent's centre).</summary>
    public static (long Row, long Col) TileInData(int z)
    {
        var m = Lamb93.TileMatrices[z];
        var centre = Extent.Centre;
        return ((long)((m.OriginY - centre.Y) / m.TileSpanY), (long)((centre.X - m.OriginX) / m.TileSpanX));
    }
}
