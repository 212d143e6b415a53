namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>One unpremultiplied pixel.</summary>
internal readonly record struct Rgba(byte R, byte G, byte B, byte A)
{
    public static readonly Rgba White = new(255, 255, 255, 255);
    public static readonly Rgba Red = new(255, 0, 0, 255);
    public static readonly Rgba Blue = new(0, 0, 255, 255);

    public bool IsOpaque => A == 255;

    /// <summary>The colour a viewer sees over a white page: how goldens compare pixels, transparent or not.</summary>
    public Rgba OverWhite()
    {
        static byte Blend(byte c, byte a) => (byte)(((c * a) + (255 * (255 - a)) + 127) / 255);
        return new Rgba(Blend(R, A), Blend(G, A), Blend(B, A), 255);
    }

    /// <summary>Largest per-channel difference of the colours over white (0 = same, 255 = black vs white).</summary>
    public int DistanceTo(Rgba other)
    {
        Rgba a = OverWhite(), b = other.OverWhite();
        return Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));
    }

    public void Write(byte[] rgba, int offset)
    {
        rgba[offset] = R;
        rgba[offset + 1] = G;
        rgba[offset + 2] = B;
        rgba[offset + 3] = A;
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}/{A}";
}
