using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>
/// The SKPaints of one render, created on first use per fill/stroke of the style and reused for every feature.
/// SKPaint is mutable and not thread-safe, so a cache lives exactly as long as one render on one thread.
/// Keys are style objects by reference: the style model is immutable and shared, so identity is stable and cheap.
/// </summary>
internal sealed class PaintCache : IDisposable
{
    private readonly Dictionary<PaintKey, SKPaint> _paints = [];
    private readonly Dictionary<PaintKey, SKPaint> _opaqueStrokes = [];
    private readonly RenderContext _context;

    public PaintCache(RenderContext context) => _context = context;

    public SKPaint Fill(Fill fill, UnitOfMeasure uom)
    {
        var key = new PaintKey(fill, uom);
        if (!_paints.TryGetValue(key, out var paint))
        {
            paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSkColor(fill.Color, fill.Opacity) };
            if (fill.GraphicFill is { } graphic)
            {
                paint.Shader = GraphicPainter.CreatePatternShader(_context, graphic, uom);
                paint.Color = new SKColor(255, 255, 255, (byte)Math.Clamp(Math.Round(255 * fill.Opacity), 0, 255));
            }
            _paints.Add(key, paint);
        }
        return paint;
    }

    public SKPaint Stroke(Stroke stroke, UnitOfMeasure uom)
    {
        var key = new PaintKey(stroke, uom);
        if (!_paints.TryGetValue(key, out var paint))
        {
            paint = new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                Color = ToSkColor(stroke.Color, stroke.Opacity),
                StrokeWidth = _context.ToPixels(stroke.Width, uom),
                StrokeJoin = stroke.LineJoin switch { LineJoin.Miter => SKStrokeJoin.Miter, LineJoin.Bevel => SKStrokeJoin.Bevel, _ => SKStrokeJoin.Round },
                StrokeCap = stroke.LineCap switch { LineCap.Round => SKStrokeCap.Round, LineCap.Square => SKStrokeCap.Square, _ => SKStrokeCap.Butt },
            };
            if (stroke.DashArray is { Count: > 0 } dashes)
                paint.PathEffect = CreateDash(dashes, stroke.DashOffset, uom);
            _paints.Add(key, paint);
        }
        return paint;
    }

    /// <summary>The stroke's paint at full opacity, for strokes drawn into a layer that applies the opacity once.</summary>
    public SKPaint OpaqueStroke(Stroke stroke, UnitOfMeasure uom)
    {
        var key = new PaintKey(stroke, uom);
        if (!_opaqueStrokes.TryGetValue(key, out var paint))
        {
            paint = Stroke(stroke, uom).Clone();
            paint.Color = paint.Color.WithAlpha(stroke.Color.A);
            // The clone shares the dash effect; give it its own reference so Dispose stays one-to-one.
            if (paint.PathEffect is not null && stroke.DashArray is { Count: > 0 } dashes)
                paint.PathEffect = CreateDash(dashes, stroke.DashOffset, uom);
            _opaqueStrokes.Add(key, paint);
        }
        return paint;
    }

    /// <summary>Halo: the text outline drawn under the glyphs, 2 × radius wide, with round joins.</summary>
    public SKPaint Halo(Halo halo, UnitOfMeasure uom)
    {
        var key = new PaintKey(halo, uom);
        if (!_paints.TryGetValue(key, out var paint))
        {
            paint = new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeJoin = SKStrokeJoin.Round,
                StrokeWidth = 2 * _context.ToPixels(halo.Radius, uom),
                Color = ToSkColor(halo.Fill.Color, halo.Fill.Opacity),
            };
            _paints.Add(key, paint);
        }
        return paint;
    }

    /// <summary>A paint for images and pictures with the given opacity.</summary>
    public SKPaint? Opacity(Graphic graphic)
    {
        if (graphic.Opacity >= 1)
            return null;
        var key = new PaintKey(graphic, UnitOfMeasure.Pixel);
        if (!_paints.TryGetValue(key, out var paint))
        {
            paint = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, (byte)Math.Clamp(Math.Round(255 * graphic.Opacity), 0, 255)) };
            _paints.Add(key, paint);
        }
        return paint;
    }

    private SKPathEffect CreateDash(IReadOnlyList<double> dashes, double offset, UnitOfMeasure uom)
    {
        // Skia needs an even count; SVG/SE repeat an odd list once ("5 3 2" = "5 3 2 5 3 2").
        var count = dashes.Count % 2 == 0 ? dashes.Count : dashes.Count * 2;
        var intervals = new float[count];
        for (var i = 0; i < count; i++)
            intervals[i] = Math.Max(0.01f, _context.ToPixels(dashes[i % dashes.Count], uom));
        return SKPathEffect.CreateDash(intervals, _context.ToPixels(offset, uom));
    }

    public static SKColor ToSkColor(RgbaColor color, double opacity = 1.0) =>
        new(color.R, color.G, color.B, (byte)Math.Clamp(Math.Round(color.A * opacity), 0, 255));

    public void Dispose()
    {
        foreach (var paint in _paints.Values.Concat(_opaqueStrokes.Values))
        {
            paint.Shader?.Dispose();
            paint.PathEffect?.Dispose();
            paint.Dispose();
        }
        _paints.Clear();
        _opaqueStrokes.Clear();
    }

    private readonly record struct PaintKey(object Part, UnitOfMeasure Uom)
    {
        public bool Equals(PaintKey other) => ReferenceEquals(Part, other.Part) && Uom == other.Uom;
        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Part) * 3 + (int)Uom;
    }
}
