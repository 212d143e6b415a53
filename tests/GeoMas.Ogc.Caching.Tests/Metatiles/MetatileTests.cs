using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Tests.Metatiles;

public class MetatileTests
{
    private static readonly TileMatrix Matrix = TestCatalog.Lamb93.TileMatrices[2]; // 8×8 tiles

    [Theory]
    [InlineData(0, 0, 0, 0, 4, 4)]
    [InlineData(5, 6, 4, 4, 4, 4)]
    [InlineData(3, 7, 0, 4, 4, 4)]
    public void Tiles_of_one_aligned_block_share_their_metatile(long row, long col, long metaRow, long metaCol, int rows, int cols)
    {
        var metatile = Metatile.For(Matrix, null, row, col, 4);

        Assert.Equal((metaRow, metaCol, rows, cols), (metatile.Row, metatile.Col, metatile.Rows, metatile.Columns));
        Assert.True(metatile.Contains(row, col));
    }

    [Fact]
    public void A_metatile_is_cut_down_at_the_matrix_edge()
    {
        var matrix = Matrix with { MatrixWidth = 6, MatrixHeight = 5 };

        var metatile = Metatile.For(matrix, null, 4, 5, 4);

        Assert.Equal((4L, 4L, 1, 2), (metatile.Row, metatile.Col, metatile.Rows, metatile.Columns));
    }

    [Fact]
    public void A_metatile_is_cut_down_to_the_data_limits_and_its_bounds_follow()
    {
        var limits = new TileMatrixLimits(Matrix.Id, 1, 6, 2, 2);

        var metatile = Metatile.For(Matrix, limits, 1, 2, 4);

        Assert.Equal((1L, 2L, 3, 1), (metatile.Row, metatile.Col, metatile.Rows, metatile.Columns));
        var top = TileMath.TileBounds(Matrix, 1, 2);
        var bottom = TileMath.TileBounds(Matrix, 3, 2);
        Assert.Equal(top.MaxY, metatile.Bounds.MaxY);
        Assert.Equal(bottom.MinY, metatile.Bounds.MinY);
        Assert.Equal(top.Width, metatile.Bounds.Width, 6);
        Assert.Equal(2, metatile.IndexOf(3, 2));
    }

    [Fact]
    public void Size_one_is_a_single_tile()
    {
        var metatile = Metatile.For(Matrix, null, 3, 5, 1);

        Assert.Equal((3L, 5L, 1, 1), (metatile.Row, metatile.Col, metatile.Rows, metatile.Columns));
    }
}
