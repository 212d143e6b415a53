using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Integration.Tests.Wms;

namespace GeoMas.Ogc.Integration.Tests.Goldens;

/// <summary>
/// The golden comparison can fail: a map shifted by 3 px or missing a layer is caught, while anti-aliasing-sized
/// noise is not. Runs on the committed references, so it checks the tolerance against the real maps.
/// </summary>
public sealed class ImageComparerTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    public static TheoryData<string> Cases => GoldenCase.Names;

    private static RasterImage Reference(string name) => RasterImage.Load(GoldenCase.Named(name).ExpectedPath);

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_identical_image_passes_even_exactly(string name)
    {
        var reference = Reference(name);

        var comparison = ImageComparer.Compare(reference, reference, ImageTolerance.Exact);

        Assert.True(comparison.Passed, comparison.ToString());
        Assert.Equal(0, comparison.DifferingPixels);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_map_shifted_by_three_pixels_fails(string name)
    {
        var reference = Reference(name);

        var right = ImageComparer.Compare(reference, reference.Shifted(3, 0, Rgba.White), ImageTolerance.Goldens);
        var down = ImageComparer.Compare(reference, reference.Shifted(0, 3, Rgba.White), ImageTolerance.Goldens);

        Assert.False(right.Passed, "3 px to the right passed: " + right);
        Assert.False(down.Passed, "3 px down passed: " + down);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Anti_aliasing_sized_noise_passes(string name)
    {
        var reference = Reference(name);
        // Every channel of every pixel off by up to ±24 levels (far more than re-hinting shifts a flat colour),
        // and one pixel in 400 replaced outright (a glyph edge rasterised differently).
        var random = new Random(20250501);
        var noisy = reference.Map((_, _, c) => random.Next(400) == 0
            ? new Rgba((byte)(255 - c.R), (byte)(255 - c.G), (byte)(255 - c.B), 255)
            : new Rgba(Jitter(c.R, random), Jitter(c.G, random), Jitter(c.B, random), c.A));

        var comparison = ImageComparer.Compare(reference, noisy, ImageTolerance.Goldens);

        Assert.True(comparison.Passed, comparison.ToString());
    }

    [Fact]
    public void Images_of_another_size_fail()
    {
        var reference = Reference("plan_gap_2000");

        var comparison = ImageComparer.Compare(reference, reference.Resized(511, 512), ImageTolerance.Goldens);

        Assert.False(comparison.Passed);
        Assert.Contains("511×512", comparison.SizeMismatch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan_gap_2000", "LAYERS=plan&", "LAYERS=plu_zones,parcelles,batiments,sentiers,communes&")] // no routes
    [InlineData("plan_gap_2000", "LAYERS=plan&", "LAYERS=plu_zones,parcelles,batiments,routes,communes&")] // no sentiers (two dashed lines)
    [InlineData("fond_plan_10000", "LAYERS=fond_plan&", "LAYERS=routes,communes&")] // no sentiers
    [InlineData("plan_gap_2000", "STYLES=", "STYLES=&DPI=100")] // symbols 10 % larger
    public async Task A_rendering_missing_a_layer_or_scaled_fails(string name, string replace, string by)
    {
        var golden = GoldenCase.Named(name);
        var (_, actual, _) = await WmsResponses.GetImageAsync(server.App.CreateClient(), golden.Url.Replace(replace, by, StringComparison.Ordinal));

        var comparison = ImageComparer.Compare(RasterImage.Load(golden.ExpectedPath), actual, ImageTolerance.Goldens);

        Assert.False(comparison.Passed, $"{name} with {by} passed: {comparison}");
    }

    private static byte Jitter(byte value, Random random) => (byte)Math.Clamp(value + random.Next(-24, 25), 0, 255);
}
