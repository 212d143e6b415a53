using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Map;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>Draws one kind of symbolizer (Mapsui's idea: styles are data, painters are a registry keyed by style type).</summary>
internal interface ISymbolizerPainter
{
    Type SymbolizerType { get; }

    void Paint(RenderContext context, Symbolizer symbolizer, DrawableFeature feature);

    /// <summary>How far (pixels) the symbolizer may draw beyond the feature's geometry: the query is grown by this.</summary>
    double Reach(RenderContext context, Symbolizer symbolizer);
}

/// <summary>Typed base so each painter works with its own symbolizer record.</summary>
internal abstract class SymbolizerPainter<T> : ISymbolizerPainter where T : Symbolizer
{
    public Type SymbolizerType => typeof(T);

    public void Paint(RenderContext context, Symbolizer symbolizer, DrawableFeature feature) => Paint(context, (T)symbolizer, feature);

    public double Reach(RenderContext context, Symbolizer symbolizer) => Reach(context, (T)symbolizer);

    protected abstract void Paint(RenderContext context, T symbolizer, DrawableFeature feature);

    protected abstract double Reach(RenderContext context, T symbolizer);
}
