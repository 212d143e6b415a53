using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Symbolizers;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>Collects label candidates during a render and owns the per-render <see cref="LabelStyle"/>s.</summary>
internal sealed class LabelCollector : IDisposable
{
    private readonly RenderContext _context;
    private readonly Dictionary<TextSymbolizer, LabelStyle> _styles = new(ReferenceEqualityComparer.Instance);
    private readonly List<LabelCandidate> _candidates = [];

    public LabelCollector(RenderContext context) => _context = context;

    public IReadOnlyList<LabelCandidate> Candidates => _candidates;

    public LabelStyle StyleFor(TextSymbolizer symbolizer)
    {
        if (!_styles.TryGetValue(symbolizer, out var style))
        {
            style = new LabelStyle(_context, symbolizer);
            _styles.Add(symbolizer, style);
        }
        return style;
    }

    public void Add(string text, LabelStyle style, double priority, SKPoint anchor, SKPoint[]? line) =>
        _candidates.Add(new LabelCandidate(text, style, priority, _candidates.Count, anchor, line));

    /// <summary>Places every candidate (priority first) and draws the ones that fit; returns how many were drawn.</summary>
    public int PlaceAndDraw(SKCanvas canvas)
    {
        if (_candidates.Count == 0)
            return 0;
        var viewport = _context.Viewport;
        var placer = new LabelPlacer(canvas, viewport.CanvasWidth, viewport.CanvasHeight, keepByAnchor: viewport.Buffer > 0);
        _candidates.Sort(static (a, b) => b.Priority != a.Priority ? b.Priority.CompareTo(a.Priority) : a.Order.CompareTo(b.Order));
        var drawn = 0;
        foreach (var candidate in _candidates)
            if (placer.TryPlace(candidate))
                drawn++;
        return drawn;
    }

    public void Dispose()
    {
        foreach (var style in _styles.Values)
            style.Dispose();
        _styles.Clear();
    }
}
