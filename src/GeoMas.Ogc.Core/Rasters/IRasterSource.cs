namespace GeoMas.Ogc.Core.Rasters;

/// <summary>
/// A georeferenced image in one CRS: a COG, a mosaic of COGs, or a cascaded remote WMS/WMTS.
/// The renderer asks for a window of the source's own CRS at a resolution; reprojection and
/// resampling to the output grid happen in the renderer, so every source only answers in its native grid.
/// </summary>
public interface IRasterSource
{
    RasterInfo Info { get; }

    /// <summary>
    /// Reads the pixels covering <see cref="RasterReadRequest.Extent"/> at (about) the requested resolution.
    /// Sources pick the coarsest overview whose resolution is still at least as fine as the request.
    /// Returns null when the extent does not touch the source (nothing to draw).
    /// </summary>
    ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken);
}
