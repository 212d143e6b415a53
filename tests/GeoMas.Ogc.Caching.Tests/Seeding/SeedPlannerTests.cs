using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Caching.Tests.Invalidation;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Seeding;

public class SeedPlannerTests
{
    private static readonly TileMatrixSet Lamb93 = InvalidationCatalogs.Sets.Find("LAMB93")!;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    [Fact]
    public void Blocks_are_aligned_like_metatiles_and_clipped_to_the_area_range()
    {
        var matrix = Lamb93.FindMatrix("10")!; // 204.8 m cells, 52 428.8 m tiles
        var box = new Envelope(TileMath.TileBounds(matrix, 101, 17).Centre, TileMath.TileBounds(matrix, 106, 22).Centre);

        var blocks = SeedPlanner.Blocks(matrix, Factory.ToGeometry(box), 4).ToList();

        // Rows 101..106 and columns 17..22 fall in aligned blocks 100-103/104-107 × 16-19/20-23 (the matrix is 26×115).
        Assert.Equal(4, blocks.Count);
        Assert.Equal(new SeedBlock(101, 103, 17, 19, 101, 17), blocks[0]);
        Assert.Equal(new SeedBlock(104, 106, 20, 22, 104, 20), blocks[3]);
        Assert.Equal(36, blocks.Sum(b => b.TileCount));
    }

    [Fact]
    public void Blocks_that_only_the_bounding_box_reaches_are_left_out()
    {
        var matrix = Lamb93.FindMatrix("10")!;
        var a = TileMath.TileBounds(matrix, 100, 16).Centre;
        var b = TileMath.TileBounds(matrix, 107, 23).Centre;
        // Two small patches, in the top-left block and in the bottom-right one: their bounding box covers four
        // blocks, the patches only two.
        var band = Factory.CreateMultiPolygon([(Polygon)Factory.CreatePoint(a).Buffer(100), (Polygon)Factory.CreatePoint(b).Buffer(100)]);

        var blocks = SeedPlanner.Blocks(matrix, band, 4).ToList();

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, block => Assert.True((block.MinRow < 104) == (block.MinCol < 20)));
    }

    [Fact]
    public void The_tile_asked_for_lies_in_the_area()
    {
        var matrix = Lamb93.FindMatrix("10")!;
        var corner = TileMath.TileBounds(matrix, 103, 19);
        var area = Factory.ToGeometry(new Envelope(corner.MaxX - 10, corner.MaxX + 10, corner.MinY - 10, corner.MinY + 10));

        var blocks = SeedPlanner.Blocks(matrix, area, 4).ToList();

        Assert.Equal(4, blocks.Count); // the point where four blocks meet
        Assert.Contains(blocks, bl => bl.Row == 103 && bl.Col == 19);
        Assert.All(blocks, bl => Assert.True(area.Intersects(Factory.ToGeometry(TileMath.TileBounds(matrix, bl.Row, bl.Col)))));
    }
}
