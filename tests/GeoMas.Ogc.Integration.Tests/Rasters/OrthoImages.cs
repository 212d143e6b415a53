using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Rasters;

/// <summary>Checks on rendered orthophoto images, and a place to keep them for a human to look at (tests/out/rasters).</summary>
internal static class OrthoImages
{
    public static SKBitmap Decode(byte[] bytes, string? keepAs = null)
    {
        if (keepAs is not null)
        {
            var folder = Path.Combine(RepositoryPaths.Root, "tests", "out", "rasters");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, keepAs), bytes);
        }
        return SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("the image does not decode");
    }

    /// <summary>Mean colour and the share of near-white pixels (an orthophoto has almost none; an empty map is all white).</summary>
    public static (double R, double G, double B, double White) Stats(SKBitmap bitmap)
    {
        double r = 0, g = 0, b = 0, white = 0;
        var n = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                r += c.Red;
                g += c.Green;
                b += c.Blue;
                if (c.Red > 245 && c.Green > 245 && c.Blue > 245)
                    white++;
                n++;
            }
        }
        return (r / n, g / n, b / n, white / n);
    }

    public static int DistinctColours(SKBitmap bitmap)
    {
        var seen = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 4)
            for (var x = 0; x < bitmap.Width; x += 4)
                seen.Add((uint)bitmap.GetPixel(x, y));
        return seen.Count;
    }

    /// <summary>
    /// An orthophoto fills the image: many colours, (almost) no blank background. <paramref name="maxWhite"/> allows
    /// for white roofs and for white drawn on top (the roads of fond_plan are white).
    /// </summary>
    public static void AssertCovered(SKBitmap bitmap, double maxWhite = 0.05)
    {
        var stats = Stats(bitmap);
        Assert.True(DistinctColours(bitmap) > 200, "the image has too few colours for an orthophoto");
        Assert.True(stats.White < maxWhite, $"{stats.White:P1} of the image is blank");
    }
}
