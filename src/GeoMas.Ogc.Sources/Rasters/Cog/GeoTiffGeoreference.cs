using System.Globalization;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// The north-up affine grid of the full-resolution image: the outer corner of the top-left pixel and the pixel size,
/// and the EPSG code from the GeoKeys. PixelIsPoint files are shifted by half a pixel so the origin is the pixel
/// corner, as GDAL does by default (GTIFF_POINT_GEO_IGNORE=NO), so both read the same footprint.
/// </summary>
internal sealed record GeoTiffGeoreference(int Srid, double OriginX, double OriginY, double ResolutionX, double ResolutionY, bool PixelIsPoint)
{
    private const int GeoKeyRasterType = 1025;
    private const int GeoKeyGeographicType = 2048;
    private const int GeoKeyProjectedType = 3072;
    private const int UserDefined = 32767;

    public static GeoTiffGeoreference Read(TiffDirectory directory, string name, int? sridOverride)
    {
        var keys = ReadGeoKeys(directory);
        var pixelIsPoint = keys.TryGetValue(GeoKeyRasterType, out var rasterType) && rasterType == 2;
        var srid = sridOverride ?? ReadSrid(keys)
            ?? throw new CogFormatException($"{name}: no EPSG code in the GeoKeys (ProjectedCSTypeGeoKey/GeographicTypeGeoKey); set the CRS in the layer configuration.");

        double originX, originY, resX, resY;
        var scale = directory.Get(TiffTag.ModelPixelScale)?.AsDoubles();
        var tiepoints = directory.Get(TiffTag.ModelTiepoint)?.AsDoubles();
        var transform = directory.Get(TiffTag.ModelTransformation)?.AsDoubles();
        if (scale is { Length: >= 2 } && tiepoints is { Length: >= 6 })
        {
            resX = scale[0];
            resY = scale[1];
            originX = tiepoints[3] - tiepoints[0] * resX;
            originY = tiepoints[4] + tiepoints[1] * resY;
        }
        else if (transform is { Length: >= 16 })
        {
            if (transform[1] != 0 || transform[4] != 0)
                throw new CogFormatException($"{name}: the ModelTransformation is rotated or sheared; only north-up grids are supported.");
            resX = transform[0];
            resY = -transform[5];
            originX = transform[3];
            originY = transform[7];
        }
        else
        {
            throw new CogFormatException($"{name}: no georeferencing (ModelPixelScale + ModelTiepoint or ModelTransformation).");
        }
        if (!(resX > 0) || !(resY > 0))
            throw new CogFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: pixel size {resX} × {resY}: only north-up grids with positive pixel sizes are supported."));
        if (pixelIsPoint)
        {
            originX -= resX / 2;
            originY += resY / 2;
        }
        return new GeoTiffGeoreference(srid, originX, originY, resX, resY, pixelIsPoint);
    }

    private static int? ReadSrid(Dictionary<int, int> keys)
    {
        if (keys.TryGetValue(GeoKeyProjectedType, out var projected) && projected is > 0 and < UserDefined)
            return projected;
        if (keys.TryGetValue(GeoKeyGeographicType, out var geographic) && geographic is > 0 and < UserDefined)
            return geographic;
        return null;
    }

    /// <summary>The SHORT-valued GeoKeys (those stored inline in the key directory, which is where codes live).</summary>
    private static Dictionary<int, int> ReadGeoKeys(TiffDirectory directory)
    {
        var keys = new Dictionary<int, int>();
        var values = directory.Integers(TiffTag.GeoKeyDirectory);
        if (values.Length < 4)
            return keys;
        var count = (int)values[3];
        for (var i = 0; i < count && 4 + i * 4 + 3 < values.Length; i++)
        {
            var at = 4 + i * 4;
            if (values[at + 1] == 0)
                keys[(int)values[at]] = (int)values[at + 3];
        }
        return keys;
    }
}
