using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Rasters;

/// <summary>A window to read, in the source's native CRS.</summary>
/// <param name="Extent">Native-CRS bounds wanted (may exceed the source extent; outside pixels are transparent).</param>
/// <param name="ResolutionX">Wanted resolution in CRS units per pixel; the source may answer finer, never coarser than its own finest.</param>
/// <param name="ResolutionY">Wanted resolution in CRS units per pixel.</param>
/// <param name="MaxPixels">Hard cap on the returned Width×Height (protects memory on absurd requests).</param>
public sealed record RasterReadRequest(Envelope Extent, double ResolutionX, double ResolutionY, long MaxPixels = 16_777_216);
