namespace GeoMas.Ogc.Core.Rasters;

/// <summary>How raster pixels are interpolated onto the output grid.</summary>
public enum RasterResampling
{
    /// <summary>The nearest source pixel: keeps hard edges (classified rasters, pixel inspection).</summary>
    Nearest,
    /// <summary>Linear between the 4 nearest pixels: the default for photographs.</summary>
    Bilinear,
    /// <summary>Bicubic (Catmull-Rom) over 16 pixels: sharper when enlarging.</summary>
    Cubic,
}

public static class RasterResamplingNames
{
    /// <summary>Parses nearest / bilinear / cubic (also "linear", "bicubic", "nearest-neighbour"), case-insensitive; null when unknown.</summary>
    public static RasterResampling? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "nearest" or "nearestneighbor" or "nearest-neighbor" or "nearestneighbour" or "nearest-neighbour" => RasterResampling.Nearest,
        "bilinear" or "linear" => RasterResampling.Bilinear,
        "cubic" or "bicubic" => RasterResampling.Cubic,
        _ => null,
    };
}
