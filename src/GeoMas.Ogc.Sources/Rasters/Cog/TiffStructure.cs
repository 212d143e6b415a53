namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>The parsed header and directory chain of a TIFF or BigTIFF file.</summary>
internal sealed record TiffStructure(bool LittleEndian, bool BigTiff, IReadOnlyList<TiffDirectory> Directories);
