using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters.Cog;

namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>The server's <see cref="RasterFileOpener"/>: the COG/GeoTIFF reader, its format errors reported as raster source errors.</summary>
public static class CogFiles
{
    public static IRasterSource Open(string path)
    {
        try
        {
            return CogRasterSource.Open(path);
        }
        catch (CogFormatException ex)
        {
            throw new RasterSourceException($"'{path}': {ex.Message}", ex);
        }
    }
}
