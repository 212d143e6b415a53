namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>Encoder knobs. Defaults favour throughput: tiles are encoded once and cached, but maps are not.</summary>
public sealed record ImageEncoderOptions
{
    public static ImageEncoderOptions Default { get; } = new();

    /// <summary>JPEG quality 1..100.</summary>
    public int JpegQuality { get; init; } = 85;

    /// <summary>Lossy WebP quality 1..100.</summary>
    public int WebPQuality { get; init; } = 85;

    /// <summary>
    /// zlib level for 32/24-bit PNG (0..9), as .NET's zlib-ng reads it. Measured on a 1024×768 W2 map (Sub filter):
    /// level 1 ≈ 695 KB, level 2 ≈ 618 KB at the same speed, level 6 ≈ 601 KB at twice the time.
    /// </summary>
    public int PngZlibLevel { get; init; } = 2;
}
