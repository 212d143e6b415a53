using GeoMas.Ogc.Sources.Remote.Wmts;

namespace GeoMas.Ogc.Sources.Tests.Remote;

public sealed class WmtsMatrixSelectorTests
{
    // Resolutions 8, 4, 2, 1, 0.5 (coarsest first, as the capabilities reader orders them).
    private static readonly WmtsUpstreamMatrix[] Matrices =
        [.. new[] { 8.0, 4, 2, 1, 0.5 }.Select((r, i) => new WmtsUpstreamMatrix(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r / 0.00028, r, 0, 0, 256, 256, 1L << i, 1L << i))];

    [Theory]
    [InlineData(8.0, 0)]     // exact
    [InlineData(100.0, 0)]   // coarser than everything: the coarsest
    [InlineData(5.0, 1)]     // between 8 and 4: 4, never the coarser 8
    [InlineData(3.99, 2)]    // just finer than 4: 2
    [InlineData(4.000001, 1)] // float noise around an exact level keeps that level
    [InlineData(1.0, 3)]
    [InlineData(0.75, 4)]
    [InlineData(0.1, 4)]     // finer than the finest: the finest
    public void Picks_the_coarsest_matrix_at_least_as_fine_as_the_request(double resolution, int expected)
    {
        Assert.Equal(expected, WmtsMatrixSelector.Select(Matrices, resolution));
    }

    [Fact]
    public void The_chosen_matrix_is_never_coarser_than_the_request_when_a_finer_one_exists()
    {
        for (var r = 0.5; r < 10; r += 0.013)
        {
            var chosen = Matrices[WmtsMatrixSelector.Select(Matrices, r)];
            Assert.True(chosen.Resolution <= r * (1 + 1e-6), $"request {r}: got {chosen.Resolution}");
            var finer = Matrices.Where(m => m.Resolution <= r * (1 + 1e-6));
            Assert.Equal(finer.Max(m => m.Resolution), chosen.Resolution);
        }
    }
}
