using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Places labels one by one against the boxes already placed, and draws those that fit (halo first, then glyphs).
/// Image edges: with no buffer (WMS) a label whose box crosses the edge is dropped, since a cut label is worse than
/// none; with a metatile buffer a label is kept when its anchor lies in the buffered canvas, and the crop after
/// rendering decides what shows (the buffer exists precisely so labels near tile edges are drawn whole).
/// Line labels follow the line glyph by glyph (<see cref="PathGlyphLayout"/>: advance widths along the arc, one
/// upright decision per label), and are checked with one box per glyph instead of one rotated box.
/// </summary>
internal sealed class LabelPlacer
{
    private readonly SKCanvas _canvas;
    private readonly SKRect _bounds;
    private readonly bool _keepByAnchor;
    private readonly CollisionIndex _index;
    private readonly Dictionary<string, List<SKPoint>> _placedLineTexts = new(StringComparer.Ordinal);

    public LabelPlacer(SKCanvas canvas, int width, int height, bool keepByAnchor)
    {
        _canvas = canvas;
        _bounds = new SKRect(0, 0, width, height);
        _keepByAnchor = keepByAnchor;
        _index = new CollisionIndex(width, height);
    }

    public bool TryPlace(LabelCandidate candidate) =>
        candidate.Line is { Length: >= 2 } line && candidate.Style.IsLinePlacement
            ? TryPlaceOnLine(candidate, line)
            : TryPlaceAtPoint(candidate);

    private bool TryPlaceAtPoint(LabelCandidate candidate)
    {
        var style = candidate.Style;
        var width = style.MeasureText(candidate.Text);
        var height = style.TextHeight;
        // Label-local frame: origin at the anchor point; SE anchor y = 0 is the bottom of the text.
        var left = -style.AnchorX * width;
        var top = -(1 - style.AnchorY) * height;
        var origin = new SKPoint(candidate.Anchor.X + style.DisplacementX, candidate.Anchor.Y - style.DisplacementY);
        var local = new SKRect(left, top, left + width, top + height);
        var matrix = SKMatrix.CreateTranslation(origin.X, origin.Y);
        if (style.Rotation != 0)
            matrix = matrix.PreConcat(SKMatrix.CreateRotationDegrees(style.Rotation));
        var glyphs = matrix.MapRect(local);
        var visible = glyphs;
        visible.Inflate(style.HaloRadius, style.HaloRadius);
        var box = glyphs;
        box.Inflate(style.Margin, style.Margin);

        if (!Fits(visible, origin) || (style.ConflictResolution && _index.Intersects(box)))
            return false;
        if (style.ConflictResolution)
            _index.Add(box);

        _canvas.Save();
        _canvas.SetMatrix(_canvas.TotalMatrix.PreConcat(matrix));
        var baseline = top - style.Ascent;
        // Shaped once, drawn twice (halo, then glyphs).
        using (var blob = SKTextBlob.Create(candidate.Text, style.Font))
        {
            if (blob is not null)
            {
                if (style.HaloPaint is { } halo)
                    _canvas.DrawText(blob, left, baseline, halo);
                _canvas.DrawText(blob, left, baseline, style.FillPaint);
            }
        }
        _canvas.Restore();
        return true;
    }

    private bool TryPlaceOnLine(LabelCandidate candidate, SKPoint[] line)
    {
        var style = candidate.Style;
        var shaped = ShapedText.Shape(candidate.Text, style.Font);
        var width = shaped.Width;
        var length = (float)Polyline.Length(line);
        // A label needs the line to be a bit longer than the text, or it would hang off the ends.
        if (width <= 0 || length < width + style.TextHeight)
            return false;

        var placedAny = false;
        foreach (var centre in CentresToTry(style, length, width))
        {
            if (TryPlaceSegment(candidate, shaped, line, centre - width / 2, centre + width / 2))
            {
                placedAny = true;
                if (!style.IsRepeated)
                    break;
            }
        }
        return placedAny;
    }

    // Without repetition: the middle first, then positions moving outwards by half a label.
    // With repetition: every label width + gap from the initial gap on.
    private static IEnumerable<float> CentresToTry(LabelStyle style, float length, float width)
    {
        var half = width / 2 + style.TextHeight / 2;
        if (style.IsRepeated)
        {
            var step = width + Math.Max(style.Gap, width);
            for (var c = Math.Max(half, style.InitialGap + width / 2); c <= length - half; c += step)
                yield return c;
            yield break;
        }
        var middle = length / 2;
        yield return middle;
        for (var shift = width / 2; shift < length / 2; shift += width / 2)
        {
            if (middle - shift >= half)
                yield return middle - shift;
            if (middle + shift <= length - half)
                yield return middle + shift;
        }
    }

    private bool TryPlaceSegment(LabelCandidate candidate, ShapedText shaped, SKPoint[] line, float from, float to)
    {
        var style = candidate.Style;
        // Upright is decided once for the whole label, from the span of line it covers (start → end of the text).
        var reversed = PathGlyphLayout.ReadsBackwards(Polyline.PointAt(line, from), Polyline.PointAt(line, to));
        // A little line beyond each end: an offset label on a bend covers more or less line than its width.
        var pad = style.TextHeight;
        var segment = Polyline.Segment(line, Math.Max(0, from - pad), Math.Min(Polyline.Length(line), to + pad));
        if (reversed)
            Array.Reverse(segment);
        // The glyphs sit on the line moved sideways by the offset (positive = above the text), baseline centred.
        var path = style.PerpendicularOffset == 0 ? segment : Polyline.Offset(segment, style.PerpendicularOffset);
        var start = ((float)Polyline.Length(path) - shaped.Width) / 2;
        if (start < 0)
            return false;
        var baselineOffset = -(style.Ascent + style.Descent) / 2;
        if (PathGlyphLayout.Create(path, shaped, start, baselineOffset, style.MaxAngleDelta) is not { } layout)
            return false;

        var boxes = GlyphBoxes(layout, style);
        var centre = Polyline.PointAt(path, start + shaped.Width / 2);
        if (!Fits(Union(boxes), centre))
            return false;
        if (style.ConflictResolution)
        {
            foreach (var box in boxes)
                if (_index.Intersects(box))
                    return false;
        }
        // The same name along one road split into many features: one label per stretch, not one per feature, and
        // for repeated labels one per repeat distance across the whole map, not per feature.
        var minDistance = style.IsRepeated ? Math.Max(style.Gap, Math.Max(2 * shaped.Width, 128f)) : Math.Max(3 * shaped.Width, 128f);
        if (_placedLineTexts.TryGetValue(candidate.Text, out var placed))
        {
            foreach (var p in placed)
                if (SKPoint.Distance(p, centre) < minDistance)
                    return false;
        }
        else
        {
            placed = [];
            _placedLineTexts.Add(candidate.Text, placed);
        }
        placed.Add(centre);
        if (style.ConflictResolution)
            foreach (var box in boxes)
                _index.Add(box);

        // Laid out once and drawn twice (halo, glyphs).
        using var blob = layout.ToBlob(shaped, style.Font);
        if (blob is null)
            return true;
        if (style.HaloPaint is { } halo)
            _canvas.DrawText(blob, 0, 0, halo);
        _canvas.DrawText(blob, 0, 0, style.FillPaint);
        return true;
    }

    // A square of the text height per glyph, centred on the glyph (the glyph band is centred on the path).
    private static List<SKRect> GlyphBoxes(PathGlyphLayout layout, LabelStyle style)
    {
        var boxes = new List<SKRect>(layout.Centres.Length);
        var half = style.TextHeight / 2 + style.Margin;
        foreach (var p in layout.Centres)
            boxes.Add(new SKRect(p.X - half, p.Y - half, p.X + half, p.Y + half));
        return boxes;
    }

    private static SKRect Union(List<SKRect> boxes)
    {
        var r = boxes[0];
        for (var i = 1; i < boxes.Count; i++)
            r.Union(boxes[i]);
        return r;
    }

    private bool Fits(SKRect box, SKPoint anchor) =>
        _keepByAnchor ? _bounds.Contains(anchor) : box.Left >= _bounds.Left && box.Top >= _bounds.Top && box.Right <= _bounds.Right && box.Bottom <= _bounds.Bottom;
}
