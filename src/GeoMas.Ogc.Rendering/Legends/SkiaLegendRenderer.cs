using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Encoders;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Rendering.Symbolizers;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Legends;

/// <summary>
/// GetLegendGraphic images: one row per rule, a swatch drawing the rule's symbolizers on a sample polygon, line or
/// point (after the layer's geometry kind) with the same painters as maps, then the rule title.
/// </summary>
public sealed class SkiaLegendRenderer : ILegendRenderer
{
    private static readonly GeometryFactory Factory = new();

    public ImageEncoderOptions EncoderOptions { get; init; } = ImageEncoderOptions.Default;

    public LegendSize Measure(LegendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var layout = LegendLayout.Compute(request);
        return new LegendSize(layout.Width, layout.Height);
    }

    public async Task RenderAsync(LegendRequest request, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        using var encoded = new MemoryStream();
        using (var layout = LegendLayout.Compute(request))
        using (var surface = SkiaMapRenderer.CreateSurface(layout.Width, layout.Height))
        {
            var canvas = surface.Canvas;
            canvas.Clear(request.Transparent ? SKColors.Transparent : SKColors.White);
            using var textPaint = new SKPaint { IsAntialias = true, Color = SKColors.Black };
            foreach (var row in layout.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                DrawSwatch(canvas, request, row);
                if (row.Text.Length > 0)
                {
                    var metrics = layout.Font.Metrics;
                    var baseline = row.Top + row.Height / 2 - (metrics.Ascent + metrics.Descent) / 2;
                    canvas.DrawText(row.Text, row.Swatch.Right + LegendLayout.Gap, baseline, SKTextAlign.Left, layout.Font, textPaint);
                }
            }
            canvas.Flush();
            ImageEncoder.Encode(surface.PeekPixels(), request.Format, RgbaColor.White, encoded, EncoderOptions);
        }
        encoded.Position = 0;
        await encoded.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    private static void DrawSwatch(SKCanvas canvas, LegendRequest request, LegendRow row)
    {
        var sw = row.Swatch.Width;
        var sh = row.Swatch.Height;
        // A viewport whose world is the swatch itself (1 unit = 1 pixel, y up); ground units follow the legend scale.
        var metresPerPixel = request.ScaleDenominator is { } scale ? scale * MapScale.PixelSizeMeters(request.Dpi) : 1.0;
        var viewport = new MapViewport(new Envelope(0, sw, 0, sh), (int)sw, (int)sh, 0, metresPerPixel, request.Dpi);
        canvas.Save();
        canvas.Translate(row.Swatch.Left, row.Swatch.Top);
        canvas.ClipRect(SKRect.Create(sw, sh));
        using (var context = new RenderContext(canvas, viewport))
        using (var drawable = new DrawableFeature(viewport))
        {
            context.StyleDirectory = string.IsNullOrEmpty(request.Style.FilePath) ? null : Path.GetDirectoryName(Path.GetFullPath(request.Style.FilePath));
            var sample = SampleGeometry(request.Layer.GeometryKind, sw, sh);
            drawable.Reset(new Feature("legend", sample, []), sample);
            foreach (var symbolizer in row.Rule.Symbolizers)
            {
                if (symbolizer is TextSymbolizer)
                    continue;
                SymbolizerPainters.Default.For(symbolizer)?.Paint(context, symbolizer, drawable);
            }
        }
        canvas.Restore();
    }

    private static Geometry SampleGeometry(GeometryKind kind, float w, float h) => kind switch
    {
        GeometryKind.Point => Factory.CreatePoint(new Coordinate(w / 2, h / 2)),
        GeometryKind.Line => Factory.CreateLineString([new(1, 1), new(w * 0.4, h * 0.6), new(w * 0.6, h * 0.4), new(w - 1, h - 1)]),
        _ => Factory.CreatePolygon([new(1, 1), new(w - 1, 1), new(w - 1, h - 1), new(1, h - 1), new(1, 1)]),
    };
}
