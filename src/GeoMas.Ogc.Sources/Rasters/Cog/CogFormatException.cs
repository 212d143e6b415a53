namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>The file is not a TIFF the reader can use (malformed, or a layout/encoding it does not support); the message says which.</summary>
public sealed class CogFormatException(string message) : Exception(message);
