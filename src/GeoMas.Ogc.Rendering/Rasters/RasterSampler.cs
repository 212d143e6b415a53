using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>
/// Samples a straight-alpha RGBA window at continuous pixel coordinates (u, v), pixel i covering [i, i + 1), and
/// writes premultiplied RGBA. Interpolation is done on premultiplied values (no dark fringes next to transparent
/// pixels); pixels outside the window count as transparent (decal), so a raster's edge is where its data ends.
/// </summary>
internal sealed class RasterSampler(byte[] pixels, int width, int height, RasterResampling mode)
{
    private readonly int _stride = width * 4;

    public RasterResampling Mode { get; } = mode;

    /// <summary>Writes the sample into <paramref name="output"/>[0..4) (premultiplied RGBA); leaves it untouched when fully transparent.</summary>
    public void Sample(double u, double v, Span<byte> output)
    {
        switch (Mode)
        {
            case RasterResampling.Nearest:
                Nearest(u, v, output);
                break;
            case RasterResampling.Cubic:
                Cubic(u, v, output);
                break;
            default:
                Bilinear(u, v, output);
                break;
        }
    }

    private void Nearest(double u, double v, Span<byte> output)
    {
        var i = (int)Math.Floor(u);
        var j = (int)Math.Floor(v);
        if ((uint)i >= (uint)width || (uint)j >= (uint)height)
            return;
        var p = j * _stride + i * 4;
        var a = pixels[p + 3];
        if (a == 0)
            return;
        if (a == 255)
        {
            output[0] = pixels[p];
            output[1] = pixels[p + 1];
            output[2] = pixels[p + 2];
        }
        else
        {
            output[0] = (byte)((pixels[p] * a + 127) / 255);
            output[1] = (byte)((pixels[p + 1] * a + 127) / 255);
            output[2] = (byte)((pixels[p + 2] * a + 127) / 255);
        }
        output[3] = a;
    }

    private void Bilinear(double u, double v, Span<byte> output)
    {
        var x = u - 0.5;
        var y = v - 0.5;
        var i0 = (int)Math.Floor(x);
        var j0 = (int)Math.Floor(y);
        var fx = (float)(x - i0);
        var fy = (float)(y - j0);
        float r = 0, g = 0, b = 0, a = 0;
        Accumulate(i0, j0, (1 - fx) * (1 - fy), ref r, ref g, ref b, ref a);
        Accumulate(i0 + 1, j0, fx * (1 - fy), ref r, ref g, ref b, ref a);
        Accumulate(i0, j0 + 1, (1 - fx) * fy, ref r, ref g, ref b, ref a);
        Accumulate(i0 + 1, j0 + 1, fx * fy, ref r, ref g, ref b, ref a);
        Store(r, g, b, a, output);
    }

    private void Cubic(double u, double v, Span<byte> output)
    {
        var x = u - 0.5;
        var y = v - 0.5;
        var i0 = (int)Math.Floor(x);
        var j0 = (int)Math.Floor(y);
        Span<float> wx = stackalloc float[4];
        Span<float> wy = stackalloc float[4];
        CatmullRom((float)(x - i0), wx);
        CatmullRom((float)(y - j0), wy);
        float r = 0, g = 0, b = 0, a = 0;
        for (var m = 0; m < 4; m++)
        {
            for (var n = 0; n < 4; n++)
                Accumulate(i0 - 1 + n, j0 - 1 + m, wx[n] * wy[m], ref r, ref g, ref b, ref a);
        }
        Store(r, g, b, a, output);
    }

    /// <summary>Catmull-Rom weights of the 4 taps at offsets -1, 0, 1, 2 for a fraction t in [0, 1).</summary>
    private static void CatmullRom(float t, Span<float> w)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        w[0] = 0.5f * (-t3 + 2 * t2 - t);
        w[1] = 0.5f * (3 * t3 - 5 * t2 + 2);
        w[2] = 0.5f * (-3 * t3 + 4 * t2 + t);
        w[3] = 0.5f * (t3 - t2);
    }

    private void Accumulate(int i, int j, float weight, ref float r, ref float g, ref float b, ref float a)
    {
        if ((uint)i >= (uint)width || (uint)j >= (uint)height || weight == 0)
            return;
        var p = j * _stride + i * 4;
        var alpha = pixels[p + 3] * weight;
        a += alpha;
        r += pixels[p] * alpha;
        g += pixels[p + 1] * alpha;
        b += pixels[p + 2] * alpha;
    }

    private static void Store(float r, float g, float b, float a, Span<byte> output)
    {
        // r, g, b are premultiplied ×255; cubic overshoot is clamped so that colour never exceeds alpha.
        var alpha = Math.Clamp(a, 0f, 255f);
        if (alpha < 0.5f)
            return;
        output[0] = (byte)Math.Clamp(r / 255f + 0.5f, 0f, alpha + 0.5f);
        output[1] = (byte)Math.Clamp(g / 255f + 0.5f, 0f, alpha + 0.5f);
        output[2] = (byte)Math.Clamp(b / 255f + 0.5f, 0f, alpha + 0.5f);
        output[3] = (byte)(alpha + 0.5f);
    }
}
