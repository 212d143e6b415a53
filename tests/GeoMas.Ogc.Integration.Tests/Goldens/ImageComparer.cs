using GeoMas.Ogc.Integration.Tests.Wms;

namespace GeoMas.Ogc.Integration.Tests.Goldens;

/// <summary>Compares two renderings with an <see cref="ImageTolerance"/> and draws where they differ.</summary>
internal static class ImageComparer
{
    private static readonly Rgba Marker = new(255, 0, 255, 255);

    public static ImageComparison Compare(RasterImage expected, RasterImage actual, ImageTolerance tolerance)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return new ImageComparison(false, 0, 0, 255,
                $"size {actual.Width}×{actual.Height} instead of {expected.Width}×{expected.Height}", null);
        }

        var differing = 0;
        var maxDistance = 0;
        var marks = new bool[expected.Width * expected.Height];
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var distance = expected[x, y].DistanceTo(actual[x, y]);
                maxDistance = Math.Max(maxDistance, distance);
                if (distance > tolerance.MaxChannelDistance)
                {
                    differing++;
                    marks[(y * expected.Width) + x] = true;
                }
            }
        }

        var total = expected.Width * expected.Height;
        var passed = differing <= tolerance.MaxDifferingProportion * total;
        // The diff: the expected map faded, differing pixels in magenta.
        var diff = expected.Map((x, y, c) => marks[(y * expected.Width) + x] ? Marker : Fade(c.OverWhite()));
        return new ImageComparison(passed, differing, total, maxDistance, null, diff);
    }

    private static Rgba Fade(Rgba c) => new((byte)(191 + (c.R / 4)), (byte)(191 + (c.G / 4)), (byte)(191 + (c.B / 4)), 255);
}
