using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Rasters.Mosaics;

/// <summary>One file of a mosaic: its absolute path and the footprint its header declares (native CRS of the mosaic).</summary>
public sealed record MosaicTile(string Path, Envelope Extent, double ResolutionX, double ResolutionY, bool IsOpaque);
