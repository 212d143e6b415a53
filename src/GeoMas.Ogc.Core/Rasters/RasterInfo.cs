using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Rasters;

/// <summary>What a raster source covers, in its native CRS.</summary>
/// <param name="Srid">EPSG code of the native CRS.</param>
/// <param name="Extent">Native-CRS bounds of the data.</param>
/// <param name="ResolutionX">Finest resolution (CRS units per pixel, positive).</param>
/// <param name="ResolutionY">Finest resolution (CRS units per pixel, positive).</param>
/// <param name="IsOpaque">True when every pixel inside the extent is opaque (no nodata, alpha or mask): JPEG output is fine.</param>
public sealed record RasterInfo(int Srid, Envelope Extent, double ResolutionX, double ResolutionY, bool IsOpaque);
