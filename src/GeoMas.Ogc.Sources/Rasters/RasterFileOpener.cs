using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>
/// Opens one georeferenced image file (reads its header only). The server passes the COG reader
/// (<c>CogRasterSource.Open</c>); tests pass in-memory images. Kept as a delegate so mosaics and the registry do
/// not depend on one file format.
/// </summary>
public delegate IRasterSource RasterFileOpener(string path);
