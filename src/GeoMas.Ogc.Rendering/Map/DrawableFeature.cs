using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>
/// A feature being drawn, with its geometry turned into pixel space once and shared by every rule and
/// FeatureTypeStyle that paints it. One instance is reused for all features of a render (no allocation per feature
/// beyond what Skia needs), so painters must not keep references to it: label candidates copy what they need.
/// </summary>
internal sealed class DrawableFeature : IDisposable
{
    // Consecutive vertices closer than this (pixels) are merged: invisible, and they cost Skia time.
    private const float MinVertexDistance = 0.25f;

    private readonly MapViewport _viewport;
    private readonly SKPathBuilder _builder = new();
    private SKPath? _path;
    private List<SKPoint[]>? _parts;

    public DrawableFeature(MapViewport viewport) => _viewport = viewport;

    public Feature Feature { get; private set; } = null!;
    public Geometry Geometry { get; private set; } = null!;
    public MapViewport Viewport => _viewport;

    /// <summary>Width/height of the geometry's envelope in pixels.</summary>
    public double PixelWidth { get; private set; }
    public double PixelHeight { get; private set; }

    public bool IsPuntal => Geometry is Point or MultiPoint;
    public bool IsPolygonal => Geometry is Polygon or MultiPolygon;

    public void Reset(Feature feature, Geometry geometry)
    {
        Feature = feature;
        Geometry = geometry;
        var env = geometry.EnvelopeInternal;
        PixelWidth = env.Width * _viewport.ScaleX;
        PixelHeight = env.Height * _viewport.ScaleY;
        _path?.Dispose();
        _path = null;
        _parts = null;
    }

    /// <summary>Lines and rings in pixels; polygons use even-odd filling so holes stay holes whatever their orientation.</summary>
    public SKPath Path
    {
        get
        {
            if (_path is null)
            {
                _builder.Reset();
                _builder.FillType = SKPathFillType.EvenOdd;
                Append(Geometry);
                _path = _builder.Detach();
            }
            return _path;
        }
    }

    /// <summary>Each line or ring as pixel points (labels along lines, graphic strokes, offsets).</summary>
    public IReadOnlyList<SKPoint[]> Parts
    {
        get
        {
            if (_parts is null)
            {
                _parts = [];
                CollectParts(Geometry, _parts);
            }
            return _parts;
        }
    }

    /// <summary>Where a point symbol or point label goes: the points themselves, the middle of lines, a point inside polygons.</summary>
    public void AnchorPoints(List<SKPoint> result)
    {
        result.Clear();
        switch (Geometry)
        {
            case Point p:
                result.Add(new SKPoint(_viewport.X(p.X), _viewport.Y(p.Y)));
                break;
            case MultiPoint mp:
                for (var i = 0; i < mp.NumGeometries; i++)
                {
                    var p = (Point)mp.GetGeometryN(i);
                    result.Add(new SKPoint(_viewport.X(p.X), _viewport.Y(p.Y)));
                }
                break;
            case LineString or MultiLineString:
                var longest = LongestPart(Parts);
                if (longest is not null)
                    result.Add(Polyline.PointAt(longest, Polyline.Length(longest) / 2));
                break;
            default:
                if (!Geometry.IsEmpty)
                {
                    var c = InteriorPoint.GetInteriorCoord(Geometry);
                    if (c is not null)
                        result.Add(new SKPoint(_viewport.X(c.X), _viewport.Y(c.Y)));
                }
                break;
        }
    }

    public static SKPoint[]? LongestPart(IReadOnlyList<SKPoint[]> parts)
    {
        SKPoint[]? best = null;
        var bestLength = -1.0;
        foreach (var part in parts)
        {
            var length = Polyline.Length(part);
            if (length > bestLength)
            {
                bestLength = length;
                best = part;
            }
        }
        return best;
    }

    private void Append(Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AppendSequence(polygon.ExteriorRing.CoordinateSequence, close: true);
                for (var i = 0; i < polygon.NumInteriorRings; i++)
                    AppendSequence(polygon.GetInteriorRingN(i).CoordinateSequence, close: true);
                break;
            case LineString line:
                AppendSequence(line.CoordinateSequence, close: line is LinearRing);
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++)
                    Append(collection.GetGeometryN(i));
                break;
        }
    }

    private void AppendSequence(CoordinateSequence seq, bool close)
    {
        var n = seq.Count;
        if (n == 0)
            return;
        var vp = _viewport;
        var lastX = vp.X(seq.GetX(0));
        var lastY = vp.Y(seq.GetY(0));
        _builder.MoveTo(lastX, lastY);
        for (var i = 1; i < n; i++)
        {
            var x = vp.X(seq.GetX(i));
            var y = vp.Y(seq.GetY(i));
            if (i < n - 1 && Math.Abs(x - lastX) < MinVertexDistance && Math.Abs(y - lastY) < MinVertexDistance)
                continue;
            _builder.LineTo(x, y);
            lastX = x;
            lastY = y;
        }
        if (close)
            _builder.Close();
    }

    private void CollectParts(Geometry geometry, List<SKPoint[]> parts)
    {
        switch (geometry)
        {
            case Polygon polygon:
                parts.Add(ToPoints(polygon.ExteriorRing.CoordinateSequence));
                for (var i = 0; i < polygon.NumInteriorRings; i++)
                    parts.Add(ToPoints(polygon.GetInteriorRingN(i).CoordinateSequence));
                break;
            case LineString line:
                parts.Add(ToPoints(line.CoordinateSequence));
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++)
                    CollectParts(collection.GetGeometryN(i), parts);
                break;
        }
    }

    private SKPoint[] ToPoints(CoordinateSequence seq)
    {
        var points = new List<SKPoint>(seq.Count);
        var vp = _viewport;
        for (var i = 0; i < seq.Count; i++)
        {
            var p = new SKPoint(vp.X(seq.GetX(i)), vp.Y(seq.GetY(i)));
            if (points.Count > 0 && i < seq.Count - 1 && SKPoint.Distance(points[^1], p) < MinVertexDistance)
                continue;
            points.Add(p);
        }
        return [.. points];
    }

    public void Dispose()
    {
        _path?.Dispose();
        _builder.Dispose();
    }
}
