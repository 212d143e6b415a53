namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Straight-alpha channel values from premultiplied ones through a 64 KB table: <c>Table[a * 256 + c]</c> =
/// round(c × 255 / a), clamped. A lookup instead of a division per channel: encoders unpremultiply every pixel.
/// </summary>
internal static class Unpremultiplied
{
    public static readonly byte[] Table = Build();

    /// <summary>A straight-alpha RGBA pixel from a premultiplied one (R in the lowest byte); fully transparent is 0.</summary>
    public static uint Pixel(uint p)
    {
        var a = p >> 24;
        if (a == 255)
            return p;
        if (a == 0)
            return 0;
        var row = (int)(a << 8);
        var table = Table;
        return table[row + (int)(p & 0xFF)] | ((uint)table[row + (int)((p >> 8) & 0xFF)] << 8) | ((uint)table[row + (int)((p >> 16) & 0xFF)] << 16) | (a << 24);
    }

    private static byte[] Build()
    {
        var table = new byte[256 * 256];
        for (var a = 1; a < 256; a++)
            for (var c = 0; c < 256; c++)
                table[(a << 8) + c] = (byte)Math.Min(255, (c * 255 + a / 2) / a);
        return table;
    }
}
