using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>
/// SE well-known marks (square, circle, triangle, star, cross, x) and GeoServer's shape:// lines used for hatching,
/// as paths of the requested size centred on the origin (y down).
/// </summary>
internal static class MarkShapes
{
    /// <summary>True for the open shapes that are drawn with a stroke only (a fill would do nothing).</summary>
    public static bool IsLineShape(string name) => name.StartsWith("shape://", StringComparison.OrdinalIgnoreCase) && !name.Equals("shape://dot", StringComparison.OrdinalIgnoreCase);

    public static SKPath? Create(string wellKnownName, float size)
    {
        var h = size / 2;
        using var b = new SKPathBuilder();
        switch (wellKnownName.Trim().ToLowerInvariant())
        {
            case "square":
                b.AddRect(new SKRect(-h, -h, h, h), SKPathDirection.Clockwise);
                break;
            case "circle":
            case "shape://dot":
                b.AddCircle(0, 0, h, SKPathDirection.Clockwise);
                break;
            case "triangle":
                // Equilateral, centred on its bounding box like GeoServer's.
                b.MoveTo(0, -h);
                b.LineTo(h, h);
                b.LineTo(-h, h);
                b.Close();
                break;
            case "star":
                for (var i = 0; i < 10; i++)
                {
                    var r = i % 2 == 0 ? h : h * 0.382f;
                    var a = -Math.PI / 2 + i * Math.PI / 5;
                    var x = (float)(r * Math.Cos(a));
                    var y = (float)(r * Math.Sin(a));
                    if (i == 0) b.MoveTo(x, y); else b.LineTo(x, y);
                }
                b.Close();
                break;
            case "cross":
                {
                    var t = size * 0.1f; // half bar thickness: a filled plus sign
                    b.AddPoly([new(-t, -h), new(t, -h), new(t, -t), new(h, -t), new(h, t), new(t, t), new(t, h), new(-t, h), new(-t, t), new(-h, t), new(-h, -t), new(-t, -t)], true);
                    break;
                }
            case "x":
                {
                    var t = size * 0.1f * 0.7071f;
                    var k = h * 0.7071f;
                    b.AddPoly([new(-k, -k + t), new(-k + t, -k), new(0, -t), new(k - t, -k), new(k, -k + t), new(t, 0),
                               new(k, k - t), new(k - t, k), new(0, t), new(-k + t, k), new(-k, k - t), new(-t, 0)], true);
                    break;
                }
            case "shape://vertline":
                b.MoveTo(0, -h); b.LineTo(0, h);
                break;
            case "shape://horline":
                b.MoveTo(-h, 0); b.LineTo(h, 0);
                break;
            case "shape://slash":
                b.MoveTo(-h, h); b.LineTo(h, -h);
                break;
            case "shape://backslash":
                b.MoveTo(-h, -h); b.LineTo(h, h);
                break;
            case "shape://plus":
                b.MoveTo(0, -h); b.LineTo(0, h); b.MoveTo(-h, 0); b.LineTo(h, 0);
                break;
            case "shape://times":
                b.MoveTo(-h, -h); b.LineTo(h, h); b.MoveTo(-h, h); b.LineTo(h, -h);
                break;
            default:
                return null;
        }
        return b.Detach();
    }
}
