using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Encoders;
using GeoMas.Ogc.Rendering.Labels;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>WMS EXCEPTIONS=INIMAGE (message drawn, word-wrapped) and BLANK (background only) images.</summary>
internal static class MessageImage
{
    private const float FontSize = 12;
    private const float Margin = 4;

    public static void Render(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output, ImageEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(output);
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), "Width and height must be positive.");
        using var surface = SkiaMapRenderer.CreateSurface(width, height);
        var canvas = surface.Canvas;
        canvas.Clear(transparent ? SKColors.Transparent : new SKColor(background.R, background.G, background.B, background.A));
        if (!string.IsNullOrWhiteSpace(message))
            DrawMessage(canvas, width, message);
        canvas.Flush();
        ImageEncoder.Encode(surface.PeekPixels(), format, background, output, options);
    }

    private static void DrawMessage(SKCanvas canvas, int width, string message)
    {
        using var font = new SKFont(FontResolver.Resolve(new Font()), FontSize) { Subpixel = true, Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0xB0, 0x00, 0x00) };
        var lineHeight = font.Spacing;
        var y = Margin - font.Metrics.Ascent;
        foreach (var line in Wrap(message, font, width - 2 * Margin))
        {
            canvas.DrawText(line, Margin, y, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }
    }

    /// <summary>Greedy word wrap; a word longer than a line is cut by characters.</summary>
    internal static IEnumerable<string> Wrap(string text, SKFont font, float maxWidth)
    {
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= maxWidth || line.Length == 0 && word.Length <= 1)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    yield return line;
                line = word;
                while (line.Length > 1 && font.MeasureText(line) > maxWidth)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && font.MeasureText(line.AsSpan(0, fit)) > maxWidth)
                        fit--;
                    yield return line[..fit];
                    line = line[fit..];
                }
            }
            if (line.Length > 0)
                yield return line;
        }
    }
}
