namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>A raster source that cannot be opened: missing file, unreadable header, unknown CRS, empty mosaic.</summary>
public sealed class RasterSourceException(string message, Exception? inner = null) : Exception(message, inner);
