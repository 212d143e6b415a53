using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// Places labels one by one against the boxes already placed, and draws those that fit (halo first, then glyphs).
/// Image edges: with no buffer (WMS) a label whose box crosses the edge is dropped, since a cut label is worse than
/// none; with a metatile buffer a label is kept when its anchor lies in the buffered canvas, and the crop after
/// rendering decides what shows (the buffer exists precisely so labels near tile edges are drawn whole).
/// Line labels follow the line, glyph by glyph through Skia's text-on-path, turned upright, and are checked
/// with a chain of boxes along the path instead of one rotated box.
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
        var width = style.MeasureText(candidate.Text);
        var length = (float)Polyline.Length(line);
        // A label needs the line to be a bit longer than the text, or it would hang off the ends.
        if (length < width + style.TextHeight)
            return false;

        var placedAny = false;
        foreach (var centre in CentresToTry(style, length, width))
        {
            if (TryPlaceSegment(candidate, line, centre - width / 2, centre + width / 2, width))
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

    private bool TryPlaceSegment(LabelCandidate candidate, SKPoint[] line, float from, float to, float width)
    {
        var style = candidate.Style;
        var segment = Polyline.Segment(line, from, to);
        // Keep text upright: read left to right whatever way the line was digitised.
        if (segment[^1].X < segment[0].X)
            Array.Reverse(segment);
        if (TooCurved(segment, style))
            return false;

        // Skia puts the baseline on the path; shift it so the text is centred on the line (or offset from it).
        var vOffset = -(style.Ascent + style.Descent) / 2 - style.PerpendicularOffset;
        var boxes = BoxesAlong(segment, width, style, vOffset);
        var centre = Polyline.PointAt(segment, width / 2);
        if (!Fits(Union(boxes), centre))
            return false;
        if (style.ConflictResolution)
        {
            foreach (var box in boxes)
                if (_index.Intersects(box))
                    return false;
        }
        // The same name along one road split into many features: one label per stretch, not one per feature.
        var minDistance = Math.Max(3 * width, 128f);
        if (_placedLineTexts.TryGetValue(candidate.Text, out var placed))
        {
            foreach (var p in placed)
                if (SKPoint.Distance(p, centre) < minDistance && !style.IsRepeated)
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

        using var path = Polyline.ToPath(segment);
        // Glyphs are positioned along the path once (the costly part: measuring the path) and drawn twice.
        using var blob = SKTextBlob.CreatePathPositioned(candidate.Text, style.Font, path, SKTextAlign.Left, new SKPoint(0, vOffset));
        if (blob is null)
            return true;
        if (style.HaloPaint is { } halo)
            _canvas.DrawText(blob, 0, 0, halo);
        _canvas.DrawText(blob, 0, 0, style.FillPaint);
        return true;
    }

    private static bool TooCurved(SKPoint[] segment, LabelStyle style)
    {
        // Compare directions of successive stretches about one character apart.
        var step = Math.Max(2f, style.Font.Size * 0.6f);
        var length = Polyline.Length(segment);
        var previous = double.NaN;
        for (var d = 0.0; d <= length; d += step)
        {
            var angle = Polyline.AngleAt(segment, d);
            if (!double.IsNaN(previous))
            {
                var delta = Math.Abs(angle - previous) * 180 / Math.PI;
                if (delta > 180)
                    delta = 360 - delta;
                if (delta > style.MaxAngleDelta)
                    return true;
            }
            previous = angle;
        }
        return false;
    }

    // Squares of the text height centred on the text band every ~0.8 height along the path.
    private static List<SKRect> BoxesAlong(SKPoint[] segment, float width, LabelStyle style, float vOffset)
    {
        var boxes = new List<SKRect>();
        var h = style.TextHeight;
        var half = h / 2 + style.Margin;
        // Centre of the glyph band relative to the path, perpendicular (screen "down" of the path direction).
        var band = vOffset + (style.Ascent + style.Descent) / 2;
        var step = Math.Max(1f, h * 0.8f);
        for (var d = 0f; ; d += step)
        {
            var at = Math.Min(d, width);
            var p = Polyline.PointAt(segment, at);
            var a = Polyline.AngleAt(segment, at);
            // Right-hand normal of the direction in screen space is (-sin, cos).
            var cx = p.X - (float)Math.Sin(a) * band;
            var cy = p.Y + (float)Math.Cos(a) * band;
            boxes.Add(new SKRect(cx - half, cy - half, cx + half, cy + half));
            if (at >= width)
                break;
        }
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
