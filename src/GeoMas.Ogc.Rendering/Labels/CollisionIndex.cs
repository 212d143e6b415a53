using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// The boxes of placed labels, in a uniform grid of buckets: a query only checks boxes sharing a cell.
/// Labels are a few hundred per map at most, so a grid beats a tree here and needs no rebuilding.
/// </summary>
internal sealed class CollisionIndex
{
    private const float CellSize = 64;
    private readonly int _columns;
    private readonly int _rows;
    private readonly List<SKRect>?[] _cells;

    public CollisionIndex(int width, int height)
    {
        _columns = Math.Max(1, (int)Math.Ceiling(width / CellSize));
        _rows = Math.Max(1, (int)Math.Ceiling(height / CellSize));
        _cells = new List<SKRect>?[_columns * _rows];
    }

    public int Count { get; private set; }

    public bool Intersects(SKRect box)
    {
        var (c0, r0, c1, r1) = Cells(box);
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++)
                if (_cells[r * _columns + c] is { } list)
                    foreach (var other in list)
                        if (other.IntersectsWithInclusive(box))
                            return true;
        return false;
    }

    public void Add(SKRect box)
    {
        var (c0, r0, c1, r1) = Cells(box);
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++)
                (_cells[r * _columns + c] ??= []).Add(box);
        Count++;
    }

    private (int C0, int R0, int C1, int R1) Cells(SKRect box) =>
        (Clamp(box.Left, _columns), Clamp(box.Top, _rows), Clamp(box.Right, _columns), Clamp(box.Bottom, _rows));

    private static int Clamp(float v, int count) => Math.Clamp((int)Math.Floor(v / CellSize), 0, count - 1);
}
