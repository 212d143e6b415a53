using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Rendering.Rasters;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Rendering.Tests.Rasters;

public sealed class GridWarpTests
{
    private static readonly CrsRegistry Crs = new();

    [Theory]
    [InlineData(3857, 944000, 6388000, 946000, 6390000)]       // 2 km: the grid is exact enough everywhere
    [InlineData(3857, 820000, 6300000, 1080000, 6560000)]      // a whole département: cells must split
    [InlineData(4326, 820000, 6300000, 1080000, 6560000)]
    public void Every_interpolated_position_is_within_half_a_pixel_of_the_exact_one(int srid, double minX, double minY, double maxX, double maxY)
    {
        var toMap = Crs.GetTransform(2154, srid);
        var toSource = Crs.GetTransform(srid, 2154);
        var bbox = toMap.TransformEnvelope(new Envelope(minX, maxX, minY, maxY));
        const int size = 512;
        var viewport = new MapViewport(bbox, size, size, 0, Crs.MetersPerUnit(srid), MapRequest.StandardDpi);
        // Source pixels about the size of output pixels, as the painter asks for.
        var resolution = (maxX - minX) / size;
        void Exact(double x, double y, out double u, out double v)
        {
            double wx = viewport.WorldX(x), wy = viewport.WorldY(y);
            toSource.Transform(ref wx, ref wy);
            u = (wx - minX) / resolution;
            v = (maxY - wy) / resolution;
        }
        var warp = new GridWarp(Exact);
        var worst = 0.0;
        var visited = 0;
        warp.Run(0, 0, size, size, (x, y, u, v) =>
        {
            visited++;
            Exact(x + 0.5, y + 0.5, out var eu, out var ev);
            worst = Math.Max(worst, Math.Sqrt((u - eu) * (u - eu) + (v - ev) * (v - ev)));
        });
        Assert.Equal(size * size, visited);
        Assert.True(worst <= 0.5, $"worst error {worst:0.###} px");
    }

    [Fact]
    public void A_strongly_curved_mapping_is_subdivided()
    {
        // A swirl: the interpolation of a 32 px cell is far off, so cells split until the centre error is small.
        static void Swirl(double x, double y, out double u, out double v)
        {
            var a = (x + y) / 200.0;
            u = x * Math.Cos(a) - y * Math.Sin(a);
            v = x * Math.Sin(a) + y * Math.Cos(a);
        }
        var warp = new GridWarp(Swirl);
        var worst = 0.0;
        warp.Run(0, 0, 256, 256, (x, y, u, v) =>
        {
            Swirl(x + 0.5, y + 0.5, out var eu, out var ev);
            worst = Math.Max(worst, Math.Sqrt((u - eu) * (u - eu) + (v - ev) * (v - ev)));
        });
        Assert.True(warp.CellsSplit > 0);
        Assert.True(worst <= 0.5, $"worst error {worst:0.###} px");
    }
}
