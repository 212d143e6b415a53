using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Labels;
using GeoMas.Ogc.Rendering.Map;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>
/// Everything painters share during one render on one thread: the canvas being drawn (switched per
/// FeatureTypeStyle pass), the viewport, per-render paint and mark caches, and the label candidates.
/// </summary>
internal sealed class RenderContext : IDisposable
{
    private readonly Dictionary<(string Name, float Size), SKPath> _marks = [];

    public RenderContext(SKCanvas canvas, MapViewport viewport)
    {
        Canvas = canvas;
        Viewport = viewport;
        Paints = new PaintCache(this);
        Labels = new LabelCollector(this);
    }

    public SKCanvas Canvas { get; set; }

    /// <summary>
    /// Set while the current symbolizer draws into a layer that applies its stroke opacity once
    /// (<see cref="SymbolizerLayers"/>): strokes are then drawn opaque.
    /// </summary>
    public bool OpaqueStrokes { get; set; }

    /// <summary>A reusable point list for painters (painters are shared and stateless; this is per render).</summary>
    public List<SKPoint> ScratchPoints { get; } = [];
    public MapViewport Viewport { get; }
    public PaintCache Paints { get; }
    public LabelCollector Labels { get; }

    /// <summary>Phase breakdown of this render (null unless Debug logging is on).</summary>
    public RenderTimings? Timings { get; init; }

    /// <summary>Transforms from a layer SRID to the map's, fitted to this map once and shared by its layers.</summary>
    public Dictionary<int, ICrsTransform> OutputTransforms { get; } = [];

    /// <summary>Directory of the style file being drawn: relative ExternalGraphic hrefs resolve against it.</summary>
    public string? StyleDirectory { get; set; }

    /// <summary>Label and priority functions of the layer being drawn (compiled for its query's property list).</summary>
    public IReadOnlyDictionary<TextSymbolizer, CompiledText> TextFunctions { get; set; } = new Dictionary<TextSymbolizer, CompiledText>();

    /// <summary>A symbol size in canvas pixels: SE pixels scale with DPI, ground units with the map scale.</summary>
    public float ToPixels(double size, UnitOfMeasure uom) => uom switch
    {
        UnitOfMeasure.Metre => (float)(size / Viewport.MetersPerPixel),
        UnitOfMeasure.Foot => (float)(size * 0.3048 / Viewport.MetersPerPixel),
        _ => (float)(size * Viewport.DpiFactor),
    };

    /// <summary>A well-known mark at a pixel size, centred on the origin; built once per render and size.</summary>
    public SKPath? Mark(string wellKnownName, float size)
    {
        var key = (wellKnownName, size);
        if (!_marks.TryGetValue(key, out var path))
        {
            path = MarkShapes.Create(wellKnownName, size);
            if (path is null)
                return null;
            _marks.Add(key, path);
        }
        return path;
    }

    public void Dispose()
    {
        Labels.Dispose();
        Paints.Dispose();
        foreach (var path in _marks.Values)
            path.Dispose();
    }
}
