using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Encoders;
using GeoMas.Ogc.Rendering.Labels;
using GeoMas.Ogc.Rendering.Rasters;
using GeoMas.Ogc.Rendering.Symbolizers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>
/// Draws maps with SkiaSharp. Each render owns its canvas, paints and label state, so renders run in parallel
/// safely; the only shared state is immutable (styles, typefaces, decoded symbols).
/// </summary>
/// <remarks>
/// Layers are drawn bottom to top while their features stream in; labels are collected and placed last, above
/// all geometry. Each FeatureTypeStyle is a full pass over a layer's features. Rather than querying the source once
/// per FeatureTypeStyle or keeping every feature's path, one query feeds all passes: the first pass draws straight
/// onto the canvas and later passes are recorded into SKPictures (cheap display lists, no pixel buffers) that are
/// played back in order once the layer's stream ends, so road fills land on top of every road casing.
/// </remarks>
public sealed class SkiaMapRenderer : IMapRenderer
{
    private readonly IFeatureSourceProvider _sources;
    private readonly CrsRegistry _crs;
    private readonly ServiceLimits _limits;
    private readonly ILogger _logger;
    private readonly SymbolizerPainters _painters = SymbolizerPainters.Default;
    private readonly RasterLayerDrawer? _rasters;

    /// <param name="rasters">Sources of raster layers; without it raster layers are skipped.</param>
    public SkiaMapRenderer(IFeatureSourceProvider sources, CrsRegistry crs, ServiceLimits limits, ILogger<SkiaMapRenderer>? logger = null, IRasterSourceProvider? rasters = null)
    {
        _sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _crs = crs ?? throw new ArgumentNullException(nameof(crs));
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _rasters = rasters is null ? null : new RasterLayerDrawer(rasters, crs);
    }

    public ImageEncoderOptions EncoderOptions { get; init; } = ImageEncoderOptions.Default;

    public async Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Width <= 0 || request.Height <= 0)
            throw new ArgumentOutOfRangeException(nameof(request), "Width and height must be positive.");

        var timings = _logger.IsEnabled(LogLevel.Debug) ? new RenderTimings() : null;
        var placed = UsablePlacedLabels(request);
        var selection = placed is null ? SymbolizerSelection.All : SymbolizerSelection.WithoutText;
        // A memory stream (tile renders) is written directly; anything else (an HTTP body) gets the encoded image
        // in one asynchronous write, since response bodies forbid synchronous writes.
        var memoryOutput = output as MemoryStream;
        using var buffered = memoryOutput is null ? new MemoryStream() : null;
        var encoded = memoryOutput ?? buffered!;
        using (var surface = CreateSurface(request.Width + 2 * Math.Max(0, request.Buffer), request.Height + 2 * Math.Max(0, request.Buffer)))
        {
            var canvas = surface.Canvas;
            canvas.Clear(request.Transparent ? SKColors.Transparent : PaintCache.ToSkColor(request.Background));
            if (request.Bbox.Width > 0 && request.Bbox.Height > 0 && !request.Bbox.IsNull)
            {
                var viewport = MapViewport.For(request, _crs);
                using var context = new RenderContext(canvas, viewport) { Timings = timings };
                using var surfacePixels = surface.PeekPixels();
                foreach (var layer in request.Layers)
                {
                    // Vector layers restore the surface's canvas when done; only that canvas draws into surfacePixels.
                    var direct = ReferenceEquals(context.Canvas, canvas) ? surfacePixels : null;
                    await DrawLayerAsync(context, direct, layer, request, selection, cancellationToken).ConfigureAwait(false);
                }
                cancellationToken.ThrowIfCancellationRequested();
                context.Canvas = canvas;
                using (new RenderTimings.Scope(timings, RenderTimings.Labels))
                {
                    if (placed is null)
                        context.Labels.PlaceAndDraw(canvas);
                    else
                        DrawPlacedLabels(canvas, viewport, placed);
                }
            }
            canvas.Flush();

            var pixels = surface.PeekPixels();
            if (request.Buffer > 0)
                pixels = pixels.ExtractSubset(SKRectI.Create(request.Buffer, request.Buffer, request.Width, request.Height))
                    ?? throw new InvalidOperationException("Cannot crop the metatile buffer.");
            using (new RenderTimings.Scope(timings, RenderTimings.Encode))
                ImageEncoder.Encode(pixels, request.Format, request.Background, encoded, EncoderOptions);
        }
        if (timings is not null)
            _logger.LogDebug("Rendered {Width}x{Height} {Format}: {Timings}", request.Width, request.Height, request.Format.MimeType, timings);
        if (buffered is null)
            return;
        buffered.Position = 0;
        await buffered.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PlacedLabels?> PlaceLabelsAsync(MapRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Width <= 0 || request.Height <= 0)
            throw new ArgumentOutOfRangeException(nameof(request), "Width and height must be positive.");
        var viewport = MapViewport.For(request, _crs);
        var timings = _logger.IsEnabled(LogLevel.Debug) ? new RenderTimings() : null;
        using var recorder = new SKPictureRecorder();
        // An R-tree over the recorded glyph runs: a tile plays back only the labels that reach it.
        var canvas = recorder.BeginRecording(SKRect.Create(viewport.CanvasWidth, viewport.CanvasHeight), true);
        var count = 0;
        if (request.Bbox.Width > 0 && request.Bbox.Height > 0 && !request.Bbox.IsNull)
        {
            using var context = new RenderContext(canvas, viewport) { Timings = timings };
            foreach (var layer in request.Layers)
                await DrawLayerAsync(context, null, layer, request, SymbolizerSelection.TextOnly, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            context.Canvas = canvas;
            using (new RenderTimings.Scope(timings, RenderTimings.Labels))
                count = context.Labels.PlaceAndDraw(canvas);
        }
        var picture = recorder.EndRecording();
        if (timings is not null)
            _logger.LogDebug("Placed {Count} labels over {Width}x{Height}: {Timings}", count, request.Width, request.Height, timings);
        return new SkiaPlacedLabels(request.Bbox, request.Srid, request.Width, request.Height, Math.Max(0, request.Buffer), picture, count);
    }

    /// <summary>
    /// The request's placed labels when they were placed by this renderer for the same CRS and scale (so their pixel
    /// grid is this map's, shifted); anything else is ignored and the map places its own labels.
    /// </summary>
    private static SkiaPlacedLabels? UsablePlacedLabels(MapRequest request)
    {
        if (request.Labels is not SkiaPlacedLabels placed || placed.Srid != request.Srid || request.Bbox.Width <= 0 || request.Bbox.Height <= 0)
            return null;
        var scaleX = request.Width / request.Bbox.Width;
        var scaleY = request.Height / request.Bbox.Height;
        return Math.Abs(scaleX / placed.ScaleX - 1) < 1e-9 && Math.Abs(scaleY / placed.ScaleY - 1) < 1e-9 ? placed : null;
    }

    /// <summary>
    /// Plays the placed labels back where their extent lies on this canvas. Tiles of one matrix sit a whole number
    /// of pixels apart, so the shift is rounded to whole pixels: glyphs land on exactly the pixels they cover in the
    /// neighbouring tiles.
    /// </summary>
    private static void DrawPlacedLabels(SKCanvas canvas, MapViewport viewport, SkiaPlacedLabels placed)
    {
        var dx = viewport.X(placed.OriginX);
        var dy = viewport.Y(placed.OriginY);
        var rx = MathF.Round(dx);
        var ry = MathF.Round(dy);
        canvas.Save();
        canvas.Translate(MathF.Abs(dx - rx) < 0.01f ? rx : dx, MathF.Abs(dy - ry) < 0.01f ? ry : dy);
        canvas.DrawPicture(placed.Picture);
        canvas.Restore();
    }

    public void RenderMessage(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output) =>
        MessageImage.Render(width, height, format, transparent, background, message, output, EncoderOptions);

    internal static SKSurface CreateSurface(int width, int height) =>
        SKSurface.Create(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul))
        ?? throw new InvalidOperationException($"Cannot allocate a {width}×{height} canvas.");

    /// <param name="surfacePixels">The pixels of the current canvas when it is the surface's (raster layers may write them directly), else null.</param>
    private async Task DrawLayerAsync(RenderContext context, SKPixmap? surfacePixels, MapLayer mapLayer, MapRequest request, SymbolizerSelection selection, CancellationToken cancellationToken)
    {
        var layer = mapLayer.Layer;
        if (layer.Kind == LayerKind.Raster && _rasters is not null)
        {
            if (selection == SymbolizerSelection.TextOnly)
                return;
            await _rasters.DrawAsync(context.Canvas, surfacePixels, context.Viewport, mapLayer, request.Srid, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (layer.Kind != LayerKind.Vector)
        {
            _logger.LogDebug("Layer {Layer} of kind {Kind} is not drawn by the vector renderer", layer.Id, layer.Kind);
            return;
        }
        var viewport = context.Viewport;
        var scale = viewport.ScaleDenominator;
        if ((layer.MinScaleDenominator is { } min && scale < min) || (layer.MaxScaleDenominator is { } max && scale >= max))
            return;

        var layerStyle = mapLayer.Style ?? layer.DefaultStyle;
        var style = layerStyle?.Model ?? DefaultStyles.For(layer.GeometryKind);
        context.StyleDirectory = string.IsNullOrEmpty(layerStyle?.FilePath) ? null : Path.GetDirectoryName(Path.GetFullPath(layerStyle.FilePath));
        var plan = LayerPlan.Create(layer, style, scale, context, _painters, _logger, selection);
        if (plan is null)
            return;

        var queryBbox = QueryBbox(viewport, request.Srid, plan.ReachPixels);
        if (queryBbox is null)
            return;
        var maxFeatures = _limits.MaxFeaturesPerMap;
        var query = new FeatureQuery
        {
            Layer = layer,
            Bbox = queryBbox,
            BboxSrid = request.Srid,
            OutputSrid = request.Srid,
            OutputTransform = OutputTransform(context, layer.Srid, request.Srid),
            Properties = plan.Properties,
            Filter = plan.QueryFilter,
            Time = request.Time,
            SimplifyTolerance = SimplifyTolerance(viewport, request.Srid, layer.Srid),
            Limit = maxFeatures + 1,
        };
        context.TextFunctions = plan.TextFunctions;

        var canvas = context.Canvas;
        var passes = plan.Passes;
        var recorders = new SKPictureRecorder?[passes.Count];
        var passCanvases = new SKCanvas[passes.Count];
        passCanvases[0] = canvas;
        var cull = SKRect.Create(viewport.CanvasWidth, viewport.CanvasHeight);
        // Passes with semi-transparent strokes draw symbolizer by symbolizer into layers (no darker overlaps).
        var layers = new SymbolizerLayers?[passes.Count];
        try
        {
            for (var i = 1; i < passes.Count; i++)
            {
                recorders[i] = new SKPictureRecorder();
                passCanvases[i] = recorders[i]!.BeginRecording(cull);
            }
            for (var i = 0; i < passes.Count; i++)
                if (passes[i].LayerOpacities is { } opacities)
                    layers[i] = new SymbolizerLayers(opacities, cull);

            using var drawable = new DrawableFeature(viewport);
            var count = 0;
            var timings = context.Timings;
            await using var features = _sources.For(layer).QueryAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                var fetched = timings is null
                    ? await features.MoveNextAsync().ConfigureAwait(false)
                    : await TimedMoveNextAsync(features, timings).ConfigureAwait(false);
                if (!fetched)
                    break;
                var feature = features.Current;
                cancellationToken.ThrowIfCancellationRequested();
                if (++count > maxFeatures)
                {
                    _logger.LogWarning("Layer {Layer} has more than {Max} features in the map; the rest is not drawn", layer.Id, maxFeatures);
                    break;
                }
                if (feature.Geometry is not { IsEmpty: false } geometry)
                    continue;
                using var drawing = new RenderTimings.Scope(timings, RenderTimings.Draw);
                drawable.Reset(feature, geometry);
                // Sub-pixel lines and polygons are invisible once antialiased: skip them rather than draw noise.
                if (!drawable.IsPuntal && drawable.PixelWidth < 0.5 && drawable.PixelHeight < 0.5)
                    continue;
                for (var i = 0; i < passes.Count; i++)
                {
                    context.Canvas = passCanvases[i];
                    passes[i].Paint(context, drawable, layers[i]);
                }
            }
            if (timings is not null)
                timings.Features += Math.Min(count, maxFeatures);

            context.Canvas = canvas;
            using var playback = new RenderTimings.Scope(timings, RenderTimings.Draw);
            for (var i = 0; i < passes.Count; i++)
                layers[i]?.DrawOnto(passCanvases[i]);
            for (var i = 1; i < passes.Count; i++)
            {
                using var picture = recorders[i]!.EndRecording();
                recorders[i]!.Dispose();
                recorders[i] = null;
                canvas.DrawPicture(picture);
            }
        }
        finally
        {
            context.Canvas = canvas;
            foreach (var recorder in recorders)
                recorder?.Dispose();
            foreach (var symbolizerLayers in layers)
                symbolizerLayers?.Dispose();
        }
    }

    // Fetch time includes waiting for the database; allocations only count when the row was already buffered
    // (an awaited continuation may run on another thread, whose counter means nothing here).
    private static async ValueTask<bool> TimedMoveNextAsync(IAsyncEnumerator<Feature> features, RenderTimings timings)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var pending = features.MoveNextAsync();
        if (pending.IsCompleted)
        {
            using var scope = new RenderTimings.Scope(timings, RenderTimings.Fetch);
            return pending.Result;
        }
        var result = await pending.ConfigureAwait(false);
        timings.AddTicks(RenderTimings.Fetch, System.Diagnostics.Stopwatch.GetTimestamp() - start);
        return result;
    }

    /// <summary>
    /// The map extent grown by how far symbols reach (so a point just outside the map still shows the half of its
    /// symbol that falls inside), clamped to the CRS's area of use so out-of-domain requests never reach a
    /// reprojection (TRAP-11). Null when nothing is left.
    /// </summary>
    private Envelope? QueryBbox(MapViewport viewport, int srid, double reachPixels)
    {
        var rendered = viewport.RenderedBbox;
        var grown = new Envelope(rendered);
        grown.ExpandBy(reachPixels / viewport.ScaleX, reachPixels / viewport.ScaleY);
        var valid = _crs.ValidBounds(srid);
        var clamped = grown.Intersection(valid);
        return clamped.IsNull || clamped.Width <= 0 || clamped.Height <= 0 ? null : clamped;
    }

    /// <summary>
    /// The layer-to-map transform interpolated over the map and a half of it again on every side (features reach out
    /// of the map; positions further out take the exact transform), to within 1/16 pixel: neighbouring tiles, each
    /// fitted over its own area, then draw a shared edge at most 1/8 pixel apart, and in practice much closer (a
    /// few thousandths of a pixel for Lambert-93 data on Web Mercator tiles at street zooms, a few hundredths at
    /// zoom 12). Fitting costs about 65 exact transforms; ProjNET's Lambert-93 to Web Mercator takes 0.7 µs a
    /// position, the interpolation 30 ns.
    /// </summary>
    private ICrsTransform? OutputTransform(RenderContext context, int layerSrid, int mapSrid)
    {
        if (layerSrid == mapSrid)
            return null;
        if (context.OutputTransforms.TryGetValue(layerSrid, out var cached))
            return cached;
        var viewport = context.Viewport;
        var exact = _crs.GetTransform(layerSrid, mapSrid);
        var area = new Envelope(viewport.RenderedBbox);
        area.ExpandBy(area.Width / 2, area.Height / 2);
        area = area.Intersection(_crs.ValidBounds(mapSrid));
        var fitted = area.IsNull
            ? exact
            : InterpolatedCrsTransform.Fit(exact, _crs.GetTransform(mapSrid, layerSrid).TransformEnvelope(area), 0.0625 / Math.Max(viewport.ScaleX, viewport.ScaleY));
        context.OutputTransforms[layerSrid] = fitted;
        return fitted;
    }

    /// <summary>About half a pixel, expressed in the layer's native units (sources simplify before reprojecting).</summary>
    private double SimplifyTolerance(MapViewport viewport, int mapSrid, int layerSrid)
    {
        var halfPixel = 0.5 / viewport.ScaleX;
        if (mapSrid == layerSrid)
            return halfPixel;
        try
        {
            var transform = _crs.GetTransform(mapSrid, layerSrid);
            var centre = viewport.Bbox.Centre;
            double x0 = centre.X, y0 = centre.Y, x1 = centre.X + halfPixel, y1 = centre.Y;
            transform.Transform(ref x0, ref y0);
            transform.Transform(ref x1, ref y1);
            var d = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            return double.IsFinite(d) ? d : 0;
        }
        catch (Exception ex) when (ex is UnsupportedCrsException or ArgumentException or InvalidOperationException)
        {
            return 0;
        }
    }
}
