using GeoMas.Ogc.Rendering.Encoders;

namespace GeoMas.Ogc.Rendering.Tests.ImageEncoders;

public class UnpremultipliedTests
{
    [Fact]
    public void Every_alpha_and_channel_value_divides_back_rounded_and_keeps_its_place_in_the_pixel()
    {
        for (uint a = 1; a < 255; a++)
        {
            for (uint c = 0; c <= a; c++)
            {
                var straight = Math.Min(255u, ((c * 255) + (a / 2)) / a);
                // R, G and B each in their byte, the others distinct so that a mixed-up lane shows.
                var pixel = c | ((a - c) << 8) | ((c / 2) << 16) | (a << 24);
                var expected = straight | (Math.Min(255u, (((a - c) * 255) + (a / 2)) / a) << 8) | (Math.Min(255u, (((c / 2) * 255) + (a / 2)) / a) << 16) | (a << 24);
                Assert.Equal(expected, Unpremultiplied.Pixel(pixel));
            }
        }
    }

    [Fact]
    public void Opaque_pixels_are_kept_and_transparent_ones_collapse_to_zero()
    {
        Assert.Equal(0xFF123456u, Unpremultiplied.Pixel(0xFF123456u));
        Assert.Equal(0u, Unpremultiplied.Pixel(0x00123456u));
    }
}
