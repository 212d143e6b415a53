using GeoMas.Ogc.Core.Rasters;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Rasters.Mosaics;

/// <summary>
/// Pastes windows read from several files into one window. The output grid is the finest window's grid (its
/// resolution and pixel alignment), covering the request extent; every output pixel takes the pixel of each window
/// that contains its centre (later windows over earlier ones, alpha composited). Files cut from one grid therefore
/// land pixel for pixel: the composite equals a read of the unsplit image.
/// </summary>
internal static class WindowCompositor
{
    // Grid snapping tolerance, in pixels: window extents are computed in floating point from origins and resolutions.
    private const double Snap = 1e-6;

    public static RasterWindow? Composite(IReadOnlyList<RasterWindow> windows, RasterReadRequest request)
    {
        var anchor = windows[0];
        foreach (var w in windows)
        {
            if (w.ResolutionX * w.ResolutionY < anchor.ResolutionX * anchor.ResolutionY)
                anchor = w;
        }
        var resX = anchor.ResolutionX;
        var resY = anchor.ResolutionY;

        var covered = new Envelope();
        foreach (var w in windows)
            covered.ExpandToInclude(w.Extent);
        var wanted = covered.Intersection(request.Extent);
        if (wanted.IsNull || wanted.Width <= 0 || wanted.Height <= 0)
            return null;

        // Snap outward to the anchor's grid.
        var originX = anchor.Extent.MinX;
        var originY = anchor.Extent.MaxY;
        var col0 = Math.Floor((wanted.MinX - originX) / resX + Snap);
        var col1 = Math.Ceiling((wanted.MaxX - originX) / resX - Snap);
        var row0 = Math.Floor((originY - wanted.MaxY) / resY + Snap);
        var row1 = Math.Ceiling((originY - wanted.MinY) / resY - Snap);
        var width = (int)(col1 - col0);
        var height = (int)(row1 - row0);
        if (width <= 0 || height <= 0)
            return null;
        // Never answer more than the caller allows: coarsen the grid (nearest) when the windows are much finer than asked.
        var factor = 1;
        while ((long)(width / factor + 1) * (height / factor + 1) > request.MaxPixels)
            factor *= 2;
        if (factor > 1)
        {
            resX *= factor;
            resY *= factor;
            width = (int)Math.Ceiling(width / (double)factor);
            height = (int)Math.Ceiling(height / (double)factor);
        }
        var minX = originX + col0 * (resX / factor);
        var maxY = originY - row0 * (resY / factor);
        var extent = new Envelope(minX, minX + width * resX, maxY - height * resY, maxY);

        var output = RasterWindow.Rent(width, height, extent);
        var columns = new int[width];
        foreach (var w in windows)
            Paste(w, output, columns, resX, resY);
        return output;
    }

    private static void Paste(RasterWindow source, RasterWindow output, int[] columns, double resX, double resY)
    {
        var e = source.Extent;
        var sourceResX = source.ResolutionX;
        var sourceResY = source.ResolutionY;
        var anyColumn = false;
        for (var c = 0; c < output.Width; c++)
        {
            var x = output.Extent.MinX + (c + 0.5) * resX;
            var sc = (int)Math.Floor((x - e.MinX) / sourceResX);
            columns[c] = sc >= 0 && sc < source.Width ? sc : -1;
            anyColumn |= columns[c] >= 0;
        }
        if (!anyColumn)
            return;
        var src = source.Pixels;
        var dst = output.Pixels;
        for (var r = 0; r < output.Height; r++)
        {
            var y = output.Extent.MaxY - (r + 0.5) * resY;
            var sr = (int)Math.Floor((e.MaxY - y) / sourceResY);
            if (sr < 0 || sr >= source.Height)
                continue;
            var srcRow = src.Slice(sr * source.Stride, source.Stride);
            var dstRow = dst.Slice(r * output.Stride, output.Stride);
            for (var c = 0; c < columns.Length; c++)
            {
                var sc = columns[c];
                if (sc < 0)
                    continue;
                var s = sc * 4;
                var d = c * 4;
                var alpha = srcRow[s + 3];
                if (alpha == 255 || dstRow[d + 3] == 0)
                {
                    srcRow.Slice(s, 4).CopyTo(dstRow.Slice(d, 4));
                }
                else if (alpha != 0)
                {
                    Over(srcRow.Slice(s, 4), dstRow.Slice(d, 4));
                }
            }
        }
    }

    /// <summary>Straight-alpha "source over destination".</summary>
    private static void Over(ReadOnlySpan<byte> s, Span<byte> d)
    {
        var sa = s[3] / 255.0;
        var da = d[3] / 255.0 * (1 - sa);
        var a = sa + da;
        for (var k = 0; k < 3; k++)
            d[k] = (byte)Math.Round((s[k] * sa + d[k] * da) / a);
        d[3] = (byte)Math.Round(a * 255);
    }
}
