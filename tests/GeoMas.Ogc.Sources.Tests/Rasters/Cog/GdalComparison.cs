using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

/// <summary>Compares a decoded window with GDAL's raw decoding of the same level.</summary>
internal static class GdalComparison
{
    /// <summary>
    /// Asserts the window equals the reference at (column, row) of a level <paramref name="referenceWidth"/> wide:
    /// exactly for lossless files; for JPEG within <paramref name="maxDifference"/> per sample and a small mean
    /// (libjpeg-turbo in Skia and libjpeg in GDAL upsample chroma slightly differently). Alpha is always exact.
    /// </summary>
    public static void AssertMatches(CogFixture fixture, RasterWindow window, byte[] reference, int referenceWidth, int column, int row, int maxDifference = 4)
    {
        var bands = fixture.ReferenceBands;
        var pixels = window.Pixels;
        long sum = 0;
        var max = 0;
        var alphaMismatches = 0;
        var first = "";
        for (var y = 0; y < window.Height; y++)
        {
            for (var x = 0; x < window.Width; x++)
            {
                var r = ((row + y) * referenceWidth + column + x) * bands;
                var d = (y * window.Width + x) * 4;
                var expectedAlpha = fixture.Bands switch
                {
                    "alpha" => reference[r + 3],
                    "mask" => reference[r + 3] != 0 ? 255 : 0,
                    "nodata" => reference[r] == 0 && reference[r + 1] == 0 && reference[r + 2] == 0 ? 0 : 255,
                    _ => 255,
                };
                if (pixels[d + 3] != expectedAlpha)
                {
                    if (alphaMismatches++ == 0)
                        first = FormattableString.Invariant($"alpha at ({x},{y}): {pixels[d + 3]} instead of {expectedAlpha}");
                }
                for (var b = 0; b < 3; b++)
                {
                    var difference = Math.Abs(pixels[d + b] - reference[r + b]);
                    sum += difference;
                    if (difference > max)
                    {
                        max = difference;
                        if (!fixture.Lossy && first.Length == 0)
                            first = FormattableString.Invariant($"band {b} at ({x},{y}): {pixels[d + b]} instead of {reference[r + b]}");
                    }
                }
            }
        }
        var mean = (double)sum / (window.Width * window.Height * 3);
        Assert.True(alphaMismatches == 0, $"{fixture.Name}: {alphaMismatches} alpha mismatches, first {first}");
        if (fixture.Lossy)
        {
            Assert.True(max <= maxDifference, FormattableString.Invariant($"{fixture.Name}: max difference {max} (mean {mean:F3})"));
            Assert.True(mean < 1.0, FormattableString.Invariant($"{fixture.Name}: mean difference {mean:F3}"));
        }
        else
        {
            Assert.True(max == 0, $"{fixture.Name}: pixels differ from GDAL's, first {first}");
        }
    }
}
