using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// A label's glyphs and their advance widths, measured once per candidate and reused for every position tried
/// along a line. No kerning or complex shaping (as SKTextBlob.Create): place names here are Latin text.
/// </summary>
internal sealed class ShapedText
{
    private ShapedText(ushort[] glyphs, float[] advances)
    {
        Glyphs = glyphs;
        Advances = advances;
        Width = advances.Sum();
    }

    public ushort[] Glyphs { get; }
    public float[] Advances { get; }
    /// <summary>Sum of the advances: the length of line the text covers.</summary>
    public float Width { get; }

    public static ShapedText Shape(string text, SKFont font)
    {
        var glyphs = font.GetGlyphs(text);
        // Advances as the positions of the same text drawn straight, so a label on a line is spaced exactly as
        // it would be on a horizontal baseline.
        var positions = font.GetGlyphPositions(glyphs, SKPoint.Empty);
        var total = font.MeasureText(glyphs);
        var advances = new float[glyphs.Length];
        for (var i = 0; i < glyphs.Length; i++)
            advances[i] = (i + 1 < glyphs.Length ? positions[i + 1].X : total) - positions[i].X;
        return new ShapedText(glyphs, advances);
    }
}
