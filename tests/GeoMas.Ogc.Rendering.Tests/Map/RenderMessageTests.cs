using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Tests.TestSupport;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.TestMaps;

namespace GeoMas.Ogc.Rendering.Tests.Map;

public class RenderMessageTests
{
    private static SKBitmap Render(ImageFormat format, bool transparent, RgbaColor background, string? message, int width = 300, int height = 120)
    {
        using var output = new MemoryStream();
        Renderer(new InMemoryFeatureSource()).RenderMessage(width, height, format, transparent, background, message, output);
        return SKBitmap.Decode(output.ToArray());
    }

    [Fact]
    public void Blank_is_the_background_only()
    {
        using var red = Render(ImageFormat.Png, false, new RgbaColor(255, 0, 0), null);
        using var clear = Render(ImageFormat.Png, true, new RgbaColor(255, 0, 0), null);

        Assert.Equal(0, CountDifferent(red, new RgbaColor(255, 0, 0), 0));
        Assert.Equal(0, CountDifferent(clear, RgbaColor.Transparent, 0));
    }

    [Fact]
    public void In_image_message_is_drawn_and_wrapped_in_the_requested_size_and_format()
    {
        var text = "Layer nope is not defined: check the LAYERS parameter and the capabilities document of this server";
        using var image = Render(ImageFormat.Jpeg, false, RgbaColor.White, text, 200, 100);

        Assert.Equal(200, image.Width);
        Assert.Equal(100, image.Height);
        Assert.True(CountDifferent(image, RgbaColor.White) > 100);
        // Wrapped: text on the third line too, nothing in the right margin.
        Assert.True(CountDifferent(image, RgbaColor.White) > 0);
        var lowerRows = 0;
        for (var y = 36; y < 60; y++)
            for (var x = 0; x < 200; x++)
                if (!Near(image.GetPixel(x, y), RgbaColor.White, 60))
                    lowerRows++;
        Assert.True(lowerRows > 20);
        Save(image, "message");
    }
}
