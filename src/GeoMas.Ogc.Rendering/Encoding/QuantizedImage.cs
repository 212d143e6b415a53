namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// A palette image: <see cref="Palette"/> holds straight (non-premultiplied) RGBA packed as R | G&lt;&lt;8 | B&lt;&lt;16 | A&lt;&lt;24,
/// non-opaque entries first so the PNG tRNS chunk stays short; <see cref="Indices"/> is one byte per pixel, row by row.
/// </summary>
internal sealed record QuantizedImage(int Width, int Height, uint[] Palette, byte[] Indices)
{
    /// <summary>Number of leading palette entries whose alpha is not 255.</summary>
    public int TranslucentCount
    {
        get
        {
            var n = 0;
            while (n < Palette.Length && (Palette[n] >> 24) != 255)
                n++;
            return n;
        }
    }
}
