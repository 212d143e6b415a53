using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Rendering.Map;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>
/// Draws one raster layer onto a map canvas. The canvas footprint is expressed in the source's CRS and the source
/// is asked for it at the output resolution (so it reads the right overview); the window is then put on the output
/// grid: by Skia's affine image drawing when the map is in the source's CRS (exact), otherwise by a
/// <see cref="GridWarp"/> (approximate, error under a quarter pixel) sampled by <see cref="RasterSampler"/>.
/// An opaque window drawn at full opacity with nearest or bilinear resampling onto a raster canvas whose pixels
/// the caller hands over skips Skia and goes through <see cref="AxisAlignedResampler"/> (same pixels within one
/// grey level, several times cheaper: the common case of an ortho map in Lambert-93).
/// </summary>
internal sealed class RasterLayerPainter(CrsRegistry crs)
{
    /// <summary>Source pixels read beyond the footprint on each side, so interpolation kernels (cubic: 2) have neighbours at the map edge.</summary>
    private const int MarginPixels = 2;

    /// <param name="pixels">The pixels <paramref name="canvas"/> draws into, when it is a raster surface's canvas (null otherwise).</param>
    public async Task PaintAsync(SKCanvas canvas, MapViewport viewport, int mapSrid, IRasterSource source, RasterPaintStyle style, CancellationToken cancellationToken,
        SKPixmap? pixels = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(viewport);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(style);
        if (style.Opacity <= 0)
            return;
        var info = source.Info;
        if (info.Srid == mapSrid)
            await PaintAffineAsync(canvas, pixels, viewport, source, style, cancellationToken).ConfigureAwait(false);
        else
            await PaintWarpedAsync(canvas, viewport, mapSrid, source, style, cancellationToken).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- same CRS

    private static async Task PaintAffineAsync(SKCanvas canvas, SKPixmap? pixels, MapViewport viewport, IRasterSource source, RasterPaintStyle style, CancellationToken cancellationToken)
    {
        var footprint = viewport.RenderedBbox.Intersection(source.Info.Extent);
        if (footprint.IsNull || footprint.Width <= 0 || footprint.Height <= 0)
            return;
        var resX = 1 / viewport.ScaleX;
        var resY = 1 / viewport.ScaleY;
        var wanted = new Envelope(footprint);
        wanted.ExpandBy(MarginPixels * resX, MarginPixels * resY);
        using var window = await source.ReadAsync(new RasterReadRequest(wanted, resX, resY), cancellationToken).ConfigureAwait(false);
        if (window is null)
            return;
        if (pixels is not null && TryResampleDirectly(canvas, pixels, viewport, window, style))
            return;
        var e = window.Extent;
        var destination = new SKRect(viewport.X(e.MinX), viewport.Y(e.MaxY), viewport.X(e.MaxX), viewport.Y(e.MinY));
        var imageInfo = new SKImageInfo(window.Width, window.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var image = SKImage.FromPixelCopy(imageInfo, window.Pixels, window.Stride)
            ?? throw new InvalidOperationException("Cannot wrap the raster window in an image.");
        using var paint = new SKPaint { Color = SKColors.White.WithAlpha(Alpha(style.Opacity)), IsAntialias = false };
        // Strict: samples never reach outside the window (the margin holds the neighbours the kernel needs).
        canvas.DrawImage(image, SKRect.Create(window.Width, window.Height), destination, Sampling(style.Resampling), paint);
    }

    /// <summary>
    /// Writes the window into the canvas pixels with <see cref="AxisAlignedResampler"/> when that gives what Skia
    /// would draw: full opacity, nearest or bilinear, an opaque window, an untransformed canvas with a rectangular
    /// clip, 8888 pixels. False (nothing written) otherwise.
    /// </summary>
    internal static bool TryResampleDirectly(SKCanvas canvas, SKPixmap pixels, MapViewport viewport, RasterWindow window, RasterPaintStyle style)
    {
        if (Alpha(style.Opacity) != 255 || style.Resampling == RasterResampling.Cubic || window.Width < 2 || window.Height < 2)
            return false;
        if (pixels.ColorType is not (SKColorType.Bgra8888 or SKColorType.Rgba8888) || pixels.AlphaType == SKAlphaType.Unpremul
            || pixels.Width != viewport.CanvasWidth || pixels.Height != viewport.CanvasHeight)
            return false;
        if (!canvas.TotalMatrix.IsIdentity || !canvas.IsClipRect || !IsOpaque(window))
            return false;
        // Canvas coordinates of the window's edges, in double (MapViewport.X/Y round to float).
        var left = (window.Extent.MinX - viewport.WorldX(0)) * viewport.ScaleX;
        var top = (viewport.WorldY(0) - window.Extent.MaxY) * viewport.ScaleY;
        var right = left + window.Extent.Width * viewport.ScaleX;
        var bottom = top + window.Extent.Height * viewport.ScaleY;
        if (!double.IsFinite(left) || !double.IsFinite(top) || !(right > left) || !(bottom > top))
            return false;
        // The pixels whose centres the window covers (Skia's rule for a non-antialiased rectangle), inside the clip.
        var clip = canvas.DeviceClipBounds;
        var area = new SKRectI(
            (int)Math.Max(clip.Left, Math.Floor(left + 0.5)),
            (int)Math.Max(clip.Top, Math.Floor(top + 0.5)),
            (int)Math.Min(clip.Right, Math.Floor(right + 0.5)),
            (int)Math.Min(clip.Bottom, Math.Floor(bottom + 0.5)));
        if (area.Width <= 0 || area.Height <= 0)
            return true; // nothing of the window falls on a pixel centre inside the canvas
        var map = new AxisMapping(left, top, window.Width / (right - left), window.Height / (bottom - top));
        AxisAlignedResampler.Draw(window.Pixels, window.Width, window.Height, pixels.GetPixelSpan(), pixels.RowBytes,
            pixels.ColorType == SKColorType.Bgra8888, area, map, style.Resampling);
        return true;
    }

    /// <summary>Every alpha byte is 255 (alpha is the high byte of a little-endian RGBA word).</summary>
    private static bool IsOpaque(RasterWindow window) =>
        BitConverter.IsLittleEndian
        && System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(window.Pixels).IndexOfAnyExceptInRange(0xFF000000u, 0xFFFFFFFFu) < 0;

    internal static SKSamplingOptions Sampling(RasterResampling resampling) => resampling switch
    {
        RasterResampling.Nearest => new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None),
        RasterResampling.Cubic => new SKSamplingOptions(SKCubicResampler.CatmullRom),
        _ => new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None),
    };

    private static byte Alpha(double opacity) => (byte)Math.Round(Math.Clamp(opacity, 0, 1) * 255);

    // ---------------------------------------------------------------- other CRS

    private async Task PaintWarpedAsync(SKCanvas canvas, MapViewport viewport, int mapSrid, IRasterSource source, RasterPaintStyle style, CancellationToken cancellationToken)
    {
        var info = source.Info;
        var toSource = crs.GetTransform(mapSrid, info.Srid);
        var toMap = crs.GetTransform(info.Srid, mapSrid);

        // Output pixels the raster can cover: its extent in the map CRS, on the canvas.
        var onMap = toMap.TransformEnvelope(info.Extent);
        if (onMap.IsNull)
            return;
        var px0 = Math.Max(0, (int)Math.Floor(Math.Min(viewport.X(onMap.MinX), viewport.X(onMap.MaxX))) - 1);
        var px1 = Math.Min(viewport.CanvasWidth, (int)Math.Ceiling(Math.Max(viewport.X(onMap.MinX), viewport.X(onMap.MaxX))) + 1);
        var py0 = Math.Max(0, (int)Math.Floor(Math.Min(viewport.Y(onMap.MinY), viewport.Y(onMap.MaxY))) - 1);
        var py1 = Math.Min(viewport.CanvasHeight, (int)Math.Ceiling(Math.Max(viewport.Y(onMap.MinY), viewport.Y(onMap.MaxY))) + 1);
        if (px1 <= px0 || py1 <= py0)
            return;

        // The same rectangle in the source CRS, and the source resolution of one output pixel there.
        var drawn = new Envelope(viewport.WorldX(px0), viewport.WorldX(px1), viewport.WorldY(py1), viewport.WorldY(py0));
        var footprint = toSource.TransformEnvelope(drawn).Intersection(info.Extent);
        if (footprint.IsNull || footprint.Width <= 0 || footprint.Height <= 0)
            return;
        var resolution = SourcePixelSize(viewport, toSource, px0, py0, px1, py1);
        if (!(resolution > 0) || !double.IsFinite(resolution))
            return;
        var wanted = new Envelope(footprint);
        wanted.ExpandBy(MarginPixels * resolution);
        using var window = await source.ReadAsync(new RasterReadRequest(wanted, resolution, resolution), cancellationToken).ConfigureAwait(false);
        if (window is null)
            return;
        cancellationToken.ThrowIfCancellationRequested();

        var width = px1 - px0;
        var height = py1 - py0;
        var length = width * height * 4;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Array.Clear(buffer, 0, length);
            Warp(viewport, toSource, window, style.Resampling, new SKRectI(px0, py0, px1, py1), buffer);
            var imageInfo = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var image = SKImage.FromPixelCopy(imageInfo, buffer.AsSpan(0, length), width * 4)
                ?? throw new InvalidOperationException("Cannot wrap the warped raster in an image.");
            using var paint = new SKPaint { Color = SKColors.White.WithAlpha(Alpha(style.Opacity)), IsAntialias = false };
            canvas.DrawImage(image, px0, py0, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None), paint);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Fills <paramref name="output"/> (premultiplied RGBA of the canvas rectangle <paramref name="area"/>) from the window.</summary>
    internal static GridWarp Warp(MapViewport viewport, ICrsTransform toSource, RasterWindow window, RasterResampling resampling, SKRectI area, byte[] output)
    {
        var e = window.Extent;
        var resX = window.ResolutionX;
        var resY = window.ResolutionY;
        var stride = area.Width * 4;
        var sampler = new RasterSampler(window.Buffer, window.Width, window.Height, resampling);
        var warp = new GridWarp((double x, double y, out double u, out double v) =>
        {
            var wx = viewport.WorldX(x);
            var wy = viewport.WorldY(y);
            toSource.Transform(ref wx, ref wy);
            if (!double.IsFinite(wx) || !double.IsFinite(wy))
            {
                u = v = double.NaN;
                return;
            }
            u = (wx - e.MinX) / resX;
            v = (e.MaxY - wy) / resY;
        });
        warp.Run(area.Left, area.Top, area.Right, area.Bottom,
            (x, y, u, v) => sampler.Sample(u, v, output.AsSpan((y - area.Top) * stride + (x - area.Left) * 4, 4)));
        return warp;
    }

    /// <summary>
    /// Size in source units of one output pixel: the smallest step, along x or y, at the corners and centre of the
    /// drawn rectangle (asking for the finest keeps the sharpest overview where the projection stretches most).
    /// </summary>
    private static double SourcePixelSize(MapViewport viewport, ICrsTransform toSource, int px0, int py0, int px1, int py1)
    {
        var best = double.PositiveInfinity;
        ReadOnlySpan<(double X, double Y)> probes =
        [
            (px0 + 0.5, py0 + 0.5), (px1 - 0.5, py0 + 0.5), (px0 + 0.5, py1 - 0.5), (px1 - 0.5, py1 - 0.5),
            ((px0 + px1) / 2.0, (py0 + py1) / 2.0),
        ];
        foreach (var (x, y) in probes)
        {
            double x0 = viewport.WorldX(x), y0 = viewport.WorldY(y);
            double x1 = viewport.WorldX(x + 1), y1 = y0;
            double x2 = x0, y2 = viewport.WorldY(y + 1);
            toSource.Transform(ref x0, ref y0);
            toSource.Transform(ref x1, ref y1);
            toSource.Transform(ref x2, ref y2);
            var dx = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            var dy = Math.Sqrt((x2 - x0) * (x2 - x0) + (y2 - y0) * (y2 - y0));
            if (double.IsFinite(dx) && dx > 0)
                best = Math.Min(best, dx);
            if (double.IsFinite(dy) && dy > 0)
                best = Math.Min(best, dy);
        }
        return best;
    }
}
