using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>
/// One FeatureTypeStyle pass drawn symbolizer by symbolizer: each symbolizer of the pass records into its own
/// picture, and the pictures are composited in style order when the layer's features are done. A semi-transparent
/// stroke is recorded opaque and composited once with its opacity (Skia draws the picture through a layer), so
/// where strokes overlap — the shared border of two communes, the joints of a trail split into features — the
/// overlap is no darker than a single stroke.
/// </summary>
/// <remarks>
/// Only passes with such a stroke are drawn this way, since it changes the order within the pass from "feature by
/// feature" to "symbolizer by symbolizer" (a band under a line: every band, then every line, which is what map
/// readers expect anyway).
/// </remarks>
internal sealed class SymbolizerLayers : IDisposable
{
    private readonly float[] _opacities;
    private readonly SKPictureRecorder?[] _recorders;
    private readonly SKCanvas?[] _canvases;
    private readonly SKRect _cull;

    /// <param name="opacities">Per symbolizer of the pass (in painting order): the opacity its layer is composited with.</param>
    public SymbolizerLayers(float[] opacities, SKRect cull)
    {
        _opacities = opacities;
        _recorders = new SKPictureRecorder?[opacities.Length];
        _canvases = new SKCanvas?[opacities.Length];
        _cull = cull;
    }

    /// <summary>True when the symbolizer must draw its strokes opaque (its layer applies the opacity).</summary>
    public bool IsTranslucent(int step) => _opacities[step] < 1;

    public SKCanvas CanvasFor(int step)
    {
        if (_canvases[step] is { } canvas)
            return canvas;
        var recorder = new SKPictureRecorder();
        _recorders[step] = recorder;
        return _canvases[step] = recorder.BeginRecording(_cull);
    }

    /// <summary>Draws every recorded symbolizer onto <paramref name="target"/>, in order, each with its opacity.</summary>
    public void DrawOnto(SKCanvas target)
    {
        for (var i = 0; i < _recorders.Length; i++)
        {
            if (_recorders[i] is not { } recorder)
                continue;
            using var picture = recorder.EndRecording();
            recorder.Dispose();
            _recorders[i] = null;
            _canvases[i] = null;
            if (_opacities[i] < 1)
            {
                using var paint = new SKPaint { Color = new SKColor(0, 0, 0, (byte)Math.Clamp(Math.Round(255 * _opacities[i]), 0, 255)) };
                target.DrawPicture(picture, paint);
            }
            else
            {
                target.DrawPicture(picture);
            }
        }
    }

    public void Dispose()
    {
        foreach (var recorder in _recorders)
            recorder?.Dispose();
    }
}
