using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>The painter registry. Symbolizers without a painter (RasterSymbolizer on a vector layer) are skipped.</summary>
internal sealed class SymbolizerPainters
{
    private readonly Dictionary<Type, ISymbolizerPainter> _painters;

    public SymbolizerPainters(IEnumerable<ISymbolizerPainter> painters) =>
        _painters = painters.ToDictionary(p => p.SymbolizerType);

    public static SymbolizerPainters Default { get; } = new(
        [new PolygonPainter(), new LinePainter(), new PointPainter(), new TextPainter()]);

    public ISymbolizerPainter? For(Symbolizer symbolizer) =>
        _painters.TryGetValue(symbolizer.GetType(), out var painter) ? painter : null;
}
