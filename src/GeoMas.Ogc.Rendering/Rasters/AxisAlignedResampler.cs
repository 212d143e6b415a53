using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GeoMas.Ogc.Core.Rasters;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>
/// Resamples an opaque RGBA window straight into a canvas's pixels when the canvas is an axis-aligned scaling of
/// the window's grid (the map is in the raster's CRS). Bilinear is then separable: column taps and weights are
/// computed once per draw, each source row is filtered horizontally once, and each output row blends two filtered
/// rows with vector arithmetic. Skia's image drawing does the same maths per pixel through its generic raster
/// pipeline (matrix, bilinear fetch, premultiply, src-over); on a 512 × 512 ortho map that was about 40 % of the
/// request's CPU, this is a few percent.
/// </summary>
/// <remarks>
/// Pixel i of the window covers [i, i + 1); canvas pixel x is sampled at its centre, like Skia does, and the edge
/// pixels clamp to the window (the caller reads a margin around the map, so only the raster's own edges clamp).
/// The window is opaque, so straight and premultiplied colours are the same and writing replaces the canvas pixel
/// exactly as src-over would.
/// </remarks>
internal static class AxisAlignedResampler
{
    /// <summary>Fixed-point weights in 1/128: 15-bit intermediate values keep rounding under one grey level.</summary>
    private const int WeightBits = 7;
    private const int One = 1 << WeightBits;

    /// <param name="source">Opaque RGBA pixels, <paramref name="width"/> × 4 bytes per row.</param>
    /// <param name="target">The canvas pixels (8888, premultiplied), <paramref name="targetStride"/> bytes per row.</param>
    /// <param name="bgra">True when the canvas stores B, G, R, A (Skia's native order on little-endian machines).</param>
    /// <param name="area">Canvas pixels to write, [Left, Right) × [Top, Bottom); must lie inside the target.</param>
    /// <param name="map">Where canvas pixels fall in the window's grid.</param>
    public static void Draw(ReadOnlySpan<byte> source, int width, int height, Span<byte> target, int targetStride, bool bgra,
        SKRectI area, AxisMapping map, RasterResampling resampling)
    {
        if (width < 2 || height < 2)
            throw new ArgumentException("The window needs at least 2 × 2 pixels.", nameof(width));
        if (source.Length < width * height * 4)
            throw new ArgumentException("The source is smaller than width × height × 4.", nameof(source));
        if (area.Left < 0 || area.Top < 0 || area.Width <= 0 || area.Height <= 0 || area.Right * 4 > targetStride
            || (long)(area.Bottom - 1) * targetStride + area.Right * 4 > target.Length)
            throw new ArgumentOutOfRangeException(nameof(area), "The area is empty or not inside the target.");
        if (resampling == RasterResampling.Nearest)
            DrawNearest(source, width, height, target, targetStride, bgra, area, map);
        else
            DrawBilinear(source, width, height, target, targetStride, bgra, area, map);
    }

    // ---------------------------------------------------------------- nearest

    private static void DrawNearest(ReadOnlySpan<byte> source, int width, int height, Span<byte> target, int targetStride, bool bgra, SKRectI area, AxisMapping map)
    {
        var n = area.Width;
        var columns = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
                columns[i] = Math.Clamp((int)Math.Floor(map.U(area.Left + i + 0.5)), 0, width - 1);
            var pixels = MemoryMarshal.Cast<byte, uint>(source);
            var previous = -1;
            for (var y = area.Top; y < area.Bottom; y++)
            {
                var row = Math.Clamp((int)Math.Floor(map.V(y + 0.5)), 0, height - 1);
                var output = target.Slice(y * targetStride + area.Left * 4, n * 4);
                if (row == previous)
                {
                    // Enlarging: this canvas row repeats the one above.
                    target.Slice((y - 1) * targetStride + area.Left * 4, n * 4).CopyTo(output);
                    continue;
                }
                previous = row;
                var line = pixels.Slice(row * width, width);
                var dst = MemoryMarshal.Cast<byte, uint>(output);
                for (var i = 0; i < n; i++)
                {
                    var p = line[columns[i]];
                    dst[i] = bgra ? SwapRedBlue(p) : p;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(columns);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint SwapRedBlue(uint rgba) =>
        BitConverter.IsLittleEndian
            ? (rgba & 0xFF00FF00u) | ((rgba >> 16) & 0xFFu) | ((rgba & 0xFFu) << 16)
            : (rgba & 0x00FF00FFu) | ((rgba >> 16) & 0xFF00u) | ((rgba & 0xFF00u) << 16);

    // ---------------------------------------------------------------- bilinear

    private static void DrawBilinear(ReadOnlySpan<byte> source, int width, int height, Span<byte> target, int targetStride, bool bgra, SKRectI area, AxisMapping map)
    {
        var n = area.Width;
        var offsets = ArrayPool<int>.Shared.Rent(n);
        var weights = ArrayPool<Vector128<ushort>>.Shared.Rent(n);
        var upper = ArrayPool<ushort>.Shared.Rent(n * 4);
        var lower = ArrayPool<ushort>.Shared.Rent(n * 4);
        try
        {
            for (var i = 0; i < n; i++)
            {
                var (column, weight) = Tap(map.U(area.Left + i + 0.5), width);
                offsets[i] = column * 4;
                weights[i] = Vector128.Create(Vector64.Create((ushort)(One - weight)), Vector64.Create((ushort)weight));
            }
            // Source rows held in `upper` and `lower` (horizontally filtered); -1 = none.
            int upperRow = -1, lowerRow = -1;
            for (var y = area.Top; y < area.Bottom; y++)
            {
                var (row, weight) = Tap(map.V(y + 0.5), height);
                if (upperRow != row)
                {
                    if (lowerRow == row)
                    {
                        // Moving down one source row: the lower row becomes the upper one.
                        (upper, lower) = (lower, upper);
                        (upperRow, lowerRow) = (lowerRow, -1);
                    }
                    else
                    {
                        FilterRow(source.Slice(row * width * 4, width * 4), offsets, weights, n, bgra, upper);
                        upperRow = row;
                    }
                }
                if (lowerRow != row + 1)
                {
                    FilterRow(source.Slice((row + 1) * width * 4, width * 4), offsets, weights, n, bgra, lower);
                    lowerRow = row + 1;
                }
                BlendRows(upper.AsSpan(0, n * 4), lower.AsSpan(0, n * 4), weight, target.Slice(y * targetStride + area.Left * 4, n * 4));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<Vector128<ushort>>.Shared.Return(weights);
            ArrayPool<ushort>.Shared.Return(upper);
            ArrayPool<ushort>.Shared.Return(lower);
        }
    }

    /// <summary>
    /// The two source pixels around continuous coordinate <paramref name="position"/> (pixel centres at i + 0.5):
    /// the first one's index and the second one's weight in 1/128. Edges clamp: before the first centre all weight
    /// goes to pixel 0, after the last to pixel size − 1 (as index size − 2 with full weight, so both taps exist).
    /// </summary>
    internal static (int Index, int Weight) Tap(double position, int size)
    {
        var s = position - 0.5;
        if (!(s > 0))
            return (0, 0);
        if (s >= size - 1)
            return (size - 2, One);
        var index = (int)s;
        return (index, (int)((s - index) * One + 0.5));
    }

    /// <summary>
    /// Interpolates one source row at every column tap: 15-bit values (pixel × 128), in canvas channel order. Per
    /// column, the two neighbouring pixels are read as 8 bytes, widened and multiplied by (128 − w, w) in one vector
    /// operation, and the two halves added with the channel swap folded into the shuffles.
    /// </summary>
    private static void FilterRow(ReadOnlySpan<byte> row, int[] offsets, Vector128<ushort>[] weights, int n, bool bgra, ushort[] output)
    {
        // Taps are clamped so that offset + 8 <= row length (Tap never returns the last index): no per-pixel checks.
        ref var src = ref MemoryMarshal.GetReference(row);
        ref var dst = ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetArrayDataReference(output));
        // Constant shuffle indices in each loop (the JIT turns those into one instruction, variables it does not).
        if (bgra)
        {
            for (var i = 0; i < n; i++)
            {
                var products = Pair(ref src, offsets[i]) * weights[i];
                var sum = Vector128.Shuffle(products, Vector128.Create((ushort)2, 1, 0, 3, 6, 5, 4, 7))
                    + Vector128.Shuffle(products, Vector128.Create((ushort)6, 5, 4, 7, 2, 1, 0, 3));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, i * 8), sum.AsUInt64().ToScalar());
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                var products = Pair(ref src, offsets[i]) * weights[i];
                var sum = products + Vector128.Shuffle(products, Vector128.Create((ushort)4, 5, 6, 7, 0, 1, 2, 3));
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, i * 8), sum.AsUInt64().ToScalar());
            }
        }
    }

    /// <summary>The two pixels at <paramref name="offset"/>, widened to 8 × 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Pair(ref byte row, int offset) =>
        Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref row, offset))).AsByte());

    /// <summary>output = (upper × (128 − w) + lower × w) / 128², rounded, in 32-bit lanes (the products need 22 bits).</summary>
    private static void BlendRows(ReadOnlySpan<ushort> upper, ReadOnlySpan<ushort> lower, int weight, Span<byte> output)
    {
        const int shift = 2 * WeightBits;
        const uint half = 1u << (shift - 1);
        var count = output.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var wu = new Vector<uint>((uint)(One - weight));
            var wl = new Vector<uint>((uint)weight);
            var rounding = new Vector<uint>(half);
            var step = Vector<byte>.Count;
            var halfStep = Vector<ushort>.Count;
            for (; i <= count - step; i += step)
            {
                var a = Mix(new Vector<ushort>(upper.Slice(i)), new Vector<ushort>(lower.Slice(i)), wu, wl, rounding);
                var b = Mix(new Vector<ushort>(upper.Slice(i + halfStep)), new Vector<ushort>(lower.Slice(i + halfStep)), wu, wl, rounding);
                Vector.Narrow(a, b).CopyTo(output.Slice(i));
            }
        }
        var iu = One - weight;
        for (; i < count; i++)
            output[i] = (byte)((upper[i] * iu + lower[i] * weight + half) >> shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<ushort> Mix(Vector<ushort> upper, Vector<ushort> lower, Vector<uint> wu, Vector<uint> wl, Vector<uint> rounding)
    {
        Vector.Widen(upper, out var u0, out var u1);
        Vector.Widen(lower, out var l0, out var l1);
        var r0 = Vector.ShiftRightLogical(u0 * wu + l0 * wl + rounding, 2 * WeightBits);
        var r1 = Vector.ShiftRightLogical(u1 * wu + l1 * wl + rounding, 2 * WeightBits);
        return Vector.Narrow(r0, r1);
    }
}
