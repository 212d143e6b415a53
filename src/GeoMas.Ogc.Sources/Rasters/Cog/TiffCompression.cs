namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>TIFF Compression tag values.</summary>
internal static class TiffCompression
{
    public const int None = 1;
    public const int Lzw = 5;
    public const int OldJpeg = 6;
    public const int Jpeg = 7;
    public const int AdobeDeflate = 8;
    public const int PackBits = 32773;
    public const int Deflate = 32946;
    public const int WebP = 50001;

    public static string Name(int code) => code switch
    {
        None => "none",
        Lzw => "LZW",
        OldJpeg => "old-style JPEG",
        Jpeg => "JPEG",
        AdobeDeflate or Deflate => "Deflate",
        PackBits => "PackBits",
        WebP => "WebP",
        34887 => "LERC",
        50000 => "ZSTD",
        34925 => "LZMA",
        _ => "compression " + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
