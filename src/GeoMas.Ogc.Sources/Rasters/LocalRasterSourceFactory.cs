using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters.Mosaics;

namespace GeoMas.Ogc.Sources.Rasters;

/// <summary>
/// Raster sources on the local file system (<see cref="SourceKind.Raster"/>; the path is resolved against the config
/// folder): a single GeoTIFF/COG, a folder of them (a mosaic indexed in memory at open, from each file's header), or
/// a mosaic index written by <c>geomas index-rasters</c> (<c>.json</c>, or a <c>.gpkg</c> footprint table).
/// </summary>
public sealed class LocalRasterSourceFactory(RasterFileOpener openFile, int maxOpenFiles = MosaicRasterSource.DefaultMaxOpenFiles) : IRasterSourceFactory
{
    public bool CanOpen(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == SourceKind.Raster && !LooksLikeUrl(source.Connection);
    }

    public IRasterSource Open(SourceDefinition source, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(source);
        return OpenPath(source.Connection);
    }

    /// <summary>Opens a file, folder or index path (also used by <c>geomas check</c> through the registry).</summary>
    public IRasterSource OpenPath(string path)
    {
        if (Directory.Exists(path))
            return new MosaicRasterSource(MosaicIndex.FromFolder(path, openFile), openFile, maxOpenFiles);
        if (!File.Exists(path))
            throw new RasterSourceException($"'{path}' is neither a file nor a folder");
        if (MosaicIndex.IsIndexFile(path))
            return new MosaicRasterSource(MosaicIndex.Read(path), openFile, maxOpenFiles);
        if (IndexGeoPackage.IsGeoPackage(path))
            return new MosaicRasterSource(IndexGeoPackage.Read(path), openFile, maxOpenFiles);
        return openFile(path);
    }

    private static bool LooksLikeUrl(string connection) =>
        connection.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || connection.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
