using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Tiling;

public sealed class TileMathTests
{
    private static TileMatrix Wm(int z) => TilingTestData.WebMercatorQuad.TileMatrices[z];

    [Fact]
    public void Tile_bounds_follow_TMS_2_columns_east_rows_south()
    {
        var z0 = TileMath.TileBounds(Wm(0), 0, 0);
        Assert.Equal(-20037508.3427892, z0.MinX);
        Assert.Equal(20037508.3427892, z0.MaxY);
        Assert.Equal(20037508.3427892, z0.MaxX, 1e-6);
        Assert.Equal(-20037508.3427892, z0.MinY, 1e-6);

        // z1 row 0 col 1 is the north-east quadrant.
        var ne = TileMath.TileBounds(Wm(1), 0, 1);
        Assert.Equal(0, ne.MinX, 1e-6);
        Assert.Equal(0, ne.MinY, 1e-6);
        Assert.Equal(20037508.3427892, ne.MaxX, 1e-6);
        Assert.Equal(20037508.3427892, ne.MaxY, 1e-6);

        // WorldCRS84Quad z0 col 1 is the eastern hemisphere.
        var east = TileMath.TileBounds(TilingTestData.WorldCrs84Quad.TileMatrices[0], 0, 1);
        Assert.Equal(new Envelope(0, 180, -90, 90), east);

        // LAMB93 z10 tile (row 100, col 4): 52428.8 m squares from (0, 12000000).
        var lamb = TileMath.TileBounds(TilingTestData.Lamb93.TileMatrices[10], 100, 4);
        Assert.Equal(4 * 52428.8, lamb.MinX, 1e-6);
        Assert.Equal(5 * 52428.8, lamb.MaxX, 1e-6);
        Assert.Equal(12000000 - (100 * 52428.8), lamb.MaxY, 1e-6);
        Assert.Equal(12000000 - (101 * 52428.8), lamb.MinY, 1e-6);
    }

    public static TheoryData<string> SetIds => new() { "WebMercatorQuad", "WorldCRS84Quad", "LAMB93" };

    [Theory]
    [MemberData(nameof(SetIds))]
    public void Tile_bounds_round_trip_to_the_same_single_tile_at_every_level(string tmsId)
    {
        foreach (var m in TilingTestData.Catalog.Find(tmsId)!.TileMatrices)
        {
            long[] rows = [0, m.MatrixHeight / 3, m.MatrixHeight / 2, m.MatrixHeight - 1];
            long[] cols = [0, m.MatrixWidth / 3, m.MatrixWidth / 2, m.MatrixWidth - 1];
            foreach (var row in rows)
            {
                foreach (var col in cols)
                {
                    var bounds = TileMath.TileBounds(m, row, col);
                    Assert.Equal((row, row, col, col), TileMath.TileRange(m, bounds));

                    // Its centre, and a point just inside its top-left corner, are in it too.
                    Assert.Equal((row, row, col, col), TileMath.TileRange(m, new Envelope(bounds.Centre)));
                    var inside = new Coordinate(bounds.MinX + (bounds.Width * 1e-3), bounds.MaxY - (bounds.Height * 1e-3));
                    Assert.Equal((row, row, col, col), TileMath.TileRange(m, new Envelope(inside)));
                }
            }
        }
    }

    [Theory]
    [InlineData(8, 131, 133, 91, 93)]
    [InlineData(12, 2109, 2128, 1471, 1494)]
    [InlineData(16, 33754, 34056, 23542, 23913)]
    public void Departements_04_05_cover_the_TMS_L4_WebMercatorQuad_tiles(int z, long minCol, long maxCol, long minRow, long maxRow)
    {
        var mercator = TilingTestData.Crs.GetTransform(4326, 3857).TransformEnvelope(TilingTestData.DepartementsCrs84);

        // TMS-L4: EPSG:3857 ≈ 603174, 5414250, 787820, 5641514.
        Assert.Equal(603174, mercator.MinX, 1.0);
        Assert.Equal(5414250, mercator.MinY, 1.0);
        Assert.Equal(787820, mercator.MaxX, 1.0);
        Assert.Equal(5641514, mercator.MaxY, 1.0);
        Assert.Equal((minRow, maxRow, minCol, maxCol), TileMath.TileRange(Wm(z), mercator));
    }

    [Fact]
    public void A_bbox_exactly_on_tile_edges_selects_only_the_tiles_inside()
    {
        var m = Wm(12);
        var bbox = TileMath.TileBounds(m, 1471, 2109);
        bbox.ExpandToInclude(TileMath.TileBounds(m, 1472, 2110));

        Assert.Equal((1471L, 1472L, 2109L, 2110L), TileMath.TileRange(m, bbox));

        // Nudged a hair (well under the 1e-9 tolerance) outward and inward: still the same 2 × 2 tiles.
        var span = m.TileSpanX;
        Assert.Equal((1471L, 1472L, 2109L, 2110L), TileMath.TileRange(m, new Envelope(bbox.MinX - (span * 1e-12), bbox.MaxX + (span * 1e-12), bbox.MinY - (span * 1e-12), bbox.MaxY + (span * 1e-12))));
        Assert.Equal((1471L, 1472L, 2109L, 2110L), TileMath.TileRange(m, new Envelope(bbox.MinX + (span * 1e-12), bbox.MaxX - (span * 1e-12), bbox.MinY + (span * 1e-12), bbox.MaxY - (span * 1e-12))));

        // A real overlap (a metre into the next column) takes the next column.
        Assert.Equal((1471L, 1472L, 2109L, 2111L), TileMath.TileRange(m, new Envelope(bbox.MinX, bbox.MaxX + 1, bbox.MinY, bbox.MaxY)));
    }

    [Fact]
    public void A_point_on_a_tile_corner_selects_the_tile_to_the_south_east()
    {
        var m = Wm(3);
        var corner = TileMath.TileBounds(m, 2, 5);

        Assert.Equal((2L, 2L, 5L, 5L), TileMath.TileRange(m, new Envelope(corner.MinX, corner.MinX, corner.MaxY, corner.MaxY)));
        Assert.Equal((0L, 0L, 0L, 0L), TileMath.TileRange(m, new Envelope(new Coordinate(m.OriginX, m.OriginY))));

        // On the east or south border of the matrix there is no tile to the south-east.
        var world = TileMath.MatrixBounds(m);
        Assert.Null(TileMath.TileRange(m, new Envelope(new Coordinate(world.MaxX, 0))));
        Assert.Null(TileMath.TileRange(m, new Envelope(new Coordinate(0, world.MinY))));
    }

    [Fact]
    public void Outside_or_touching_the_matrix_is_no_tile()
    {
        var m = Wm(5);
        var world = TileMath.MatrixBounds(m);

        Assert.Null(TileMath.TileRange(m, new Envelope(world.MaxX + 1, world.MaxX + 100, 0, 100)));
        Assert.Null(TileMath.TileRange(m, new Envelope(0, 100, world.MaxY + 1, world.MaxY + 100)));
        Assert.Null(TileMath.TileRange(m, new Envelope(world.MinX - 100, world.MinX, 0, 100))); // touches the west edge only
        Assert.Null(TileMath.TileRange(m, new Envelope(0, 100, world.MinY - 100, world.MinY))); // touches the south edge only
        Assert.Null(TileMath.TileRange(m, new Envelope()));

        // LAMB93 has no negative columns: the sea west of x = 0 is outside.
        Assert.Null(TileMath.TileRange(TilingTestData.Lamb93.TileMatrices[10], new Envelope(-300000, -1000, 6500000, 6600000)));
    }

    [Fact]
    public void World_spanning_and_overflowing_envelopes_are_clipped_to_the_matrix()
    {
        foreach (var z in new[] { 0, 1, 10, 24 })
        {
            var m = Wm(z);
            var last = (1L << z) - 1;
            Assert.Equal((0L, last, 0L, last), TileMath.TileRange(m, TileMath.MatrixBounds(m)));
            Assert.Equal((0L, last, 0L, last), TileMath.TileRange(m, new Envelope(-1e9, 1e9, -1e9, 1e9)));
            Assert.Equal((0L, last, 0L, last), TileMath.TileRange(m, new Envelope(double.MinValue, double.MaxValue, double.MinValue, double.MaxValue)));
        }

        var crs84 = TilingTestData.WorldCrs84Quad.TileMatrices[2];
        Assert.Equal((0L, 3L, 0L, 7L), TileMath.TileRange(crs84, new Envelope(-180, 180, -90, 90)));

        // Half a world: the western hemisphere is exactly the first half of the columns.
        Assert.Equal((0L, 3L, 0L, 3L), TileMath.TileRange(crs84, new Envelope(-180, 0, -90, 90)));
    }

    [Fact]
    public void Scale_denominator_and_cell_size_convert_with_the_0_28_mm_pixel()
    {
        Assert.Equal(559082264.0287178, TileMath.ScaleDenominatorFromCellSize(156543.03392804097, 1), 1e-6);
        Assert.Equal(731428.5714285715, TileMath.ScaleDenominatorFromCellSize(204.8, 1), 1e-6);
        Assert.Equal(204.8, TileMath.CellSizeFromScaleDenominator(731428.5714285715, 1), 1e-9);

        // Degrees: 111319.4908 m per degree (TRAP-3).
        Assert.Equal(279541132.014358, TileMath.ScaleDenominatorFromCellSize(0.703125, CrsRegistry.MetersPerDegree), 1e-6);
        Assert.Equal(0.703125, TileMath.CellSizeFromScaleDenominator(279541132.0143589, CrsRegistry.MetersPerDegree), 1e-12);
    }

    [Fact]
    public void Closest_matrix_compares_resolutions_as_ratios()
    {
        var lamb = TilingTestData.Lamb93;

        Assert.Equal("10", TileMath.ClosestMatrixForResolution(lamb, 204.8)!.Id);
        Assert.Equal("10", TileMath.ClosestMatrixForResolution(lamb, 204.8 * 1.4)!.Id);  // log-closer to 204.8 than to 409.6
        Assert.Equal("9", TileMath.ClosestMatrixForResolution(lamb, 204.8 * 1.42)!.Id);
        Assert.Equal("0", TileMath.ClosestMatrixForResolution(lamb, 1e9)!.Id);
        Assert.Equal("22", TileMath.ClosestMatrixForResolution(lamb, 1e-6)!.Id);
        Assert.Null(TileMath.ClosestMatrixForResolution(lamb, 0));
        Assert.Null(TileMath.ClosestMatrixForResolution(lamb, double.NaN));

        Assert.Equal("15", TileMath.ClosestMatrixForScale(TilingTestData.WebMercatorQuad, 17061.8)!.Id);
        Assert.Equal("16", TileMath.ClosestMatrixForScale(lamb, 11428.57)!.Id);
    }

    [Fact]
    public void Contains_checks_the_matrix_size()
    {
        var m = TilingTestData.WorldCrs84Quad.TileMatrices[0];

        Assert.True(TileMath.Contains(m, 0, 1));
        Assert.False(TileMath.Contains(m, 1, 0));
        Assert.False(TileMath.Contains(m, 0, 2));
        Assert.False(TileMath.Contains(m, -1, 0));
    }
}
