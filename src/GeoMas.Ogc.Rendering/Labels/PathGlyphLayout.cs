using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Glyphs laid along a pixel polyline by their own advance widths: each glyph is centred on its arc position and
/// turned to the direction of the stretch of line it covers (the chord over its advance), as an RSXform.
/// </summary>
/// <remarks>
/// Placing glyphs by advance along the arc keeps the letter spacing of straight text on any bend: Skia's
/// path-positioned blobs gave "B alco ns" and overlapping "ss" on the short, dense segments of trail lines.
/// The upright decision belongs to the whole label (see <see cref="ReadsBackwards"/>), never to single glyphs.
/// </remarks>
internal sealed class PathGlyphLayout
{
    // Within this angle of vertical a line reads bottom to top, whichever way it leans (one rule for the whole map).
    private static readonly double NearVertical = Math.Tan(10 * Math.PI / 180);

    private PathGlyphLayout(SKRotationScaleMatrix[] transforms, SKPoint[] centres, float[] angles)
    {
        Transforms = transforms;
        Centres = centres;
        Angles = angles;
    }

    /// <summary>Per glyph: glyph space (origin on the baseline at its left) → canvas.</summary>
    public SKRotationScaleMatrix[] Transforms { get; }
    /// <summary>Per glyph: the point of the line the glyph is centred on.</summary>
    public SKPoint[] Centres { get; }
    /// <summary>Per glyph: direction of the text in radians (screen space, y down).</summary>
    public float[] Angles { get; }

    /// <summary>
    /// True when text running from <paramref name="start"/> to <paramref name="end"/> would be upside down: it must
    /// run left to right, and on near-vertical lines bottom to top.
    /// </summary>
    public static bool ReadsBackwards(SKPoint start, SKPoint end)
    {
        var dx = end.X - start.X;
        var dy = end.Y - start.Y;
        return Math.Abs(dx) <= Math.Abs(dy) * NearVertical ? dy > 0 : dx < 0;
    }

    /// <summary>
    /// Lays <paramref name="text"/> along <paramref name="path"/> from <paramref name="start"/> (the path must reach
    /// start + text width); null when two consecutive glyphs turn by more than <paramref name="maxAngleDelta"/> degrees.
    /// </summary>
    /// <param name="path">The line the glyphs sit on, already offset sideways when the label is offset: offsetting
    /// each glyph from the centreline instead would squeeze the letters on the inner side of bends and spread
    /// them on the outer side.</param>
    /// <param name="baselineOffset">How far below the path the baseline goes (pixels, along the glyphs' "down").</param>
    public static PathGlyphLayout? Create(SKPoint[] path, ShapedText text, float start, float baselineOffset, float maxAngleDelta)
    {
        var n = text.Glyphs.Length;
        var transforms = new SKRotationScaleMatrix[n];
        var centres = new SKPoint[n];
        var angles = new float[n];
        var maxDelta = maxAngleDelta * Math.PI / 180;
        var at = start;
        for (var i = 0; i < n; i++)
        {
            var advance = text.Advances[i];
            var a = Polyline.PointAt(path, at);
            var b = Polyline.PointAt(path, at + advance);
            var angle = advance > 0 && a != b
                ? Math.Atan2(b.Y - a.Y, b.X - a.X)
                : Polyline.AngleAt(path, at);
            if (i > 0)
            {
                var delta = Math.Abs(angle - angles[i - 1]);
                if (delta > Math.PI)
                    delta = 2 * Math.PI - delta;
                if (delta > maxDelta)
                    return null;
            }
            var centre = Polyline.PointAt(path, at + advance / 2);
            var cos = (float)Math.Cos(angle);
            var sin = (float)Math.Sin(angle);
            // The glyph point (advance / 2, -baselineOffset) lands on the line point: t = centre − R·anchor.
            var ax = advance / 2;
            var ay = -baselineOffset;
            transforms[i] = new SKRotationScaleMatrix(cos, sin, centre.X - (cos * ax - sin * ay), centre.Y - (sin * ax + cos * ay));
            centres[i] = centre;
            angles[i] = (float)angle;
            at += advance;
        }
        return new PathGlyphLayout(transforms, centres, angles);
    }

    public SKTextBlob? ToBlob(ShapedText text, SKFont font)
    {
        using var builder = new SKTextBlobBuilder();
        builder.AddRotationScaleRun(text.Glyphs, font, Transforms);
        return builder.Build();
    }
}
