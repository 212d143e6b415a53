using System.Globalization;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Rasters.Mosaics;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// <c>geomas index-rasters &lt;folder&gt; --output &lt;index.json|index.gpkg&gt;</c>: reads the header of every GeoTIFF of
/// a folder (and its sub-folders) and writes the mosaic footprint index a raster source can point at, so that a server
/// serving hundreds of files starts without scanning them: a JSON document, or a GeoPackage footprint table
/// (<see cref="IndexGeoPackage"/>) that GIS tools also open as a layer.
/// </summary>
public static class IndexRastersCommand
{
    public static Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var options = VerbOptions.Take(commandLine.HostArgs, ["output"], []);
        if (options.Rest.Length != 1 || options.Get("output") is not { Length: > 0 } indexPath)
        {
            errors.WriteLine("usage: geomas index-rasters <folder> --output <index.json|index.gpkg>");
            return Task.FromResult(2);
        }
        var folder = options.Rest[0];
        if (!Directory.Exists(folder))
        {
            errors.WriteLine($"error: folder '{folder}' not found");
            return Task.FromResult(1);
        }
        var geoPackage = IndexGeoPackage.IsGeoPackage(indexPath);
        if (!geoPackage && !MosaicIndex.IsIndexFile(indexPath))
        {
            errors.WriteLine($"error: the index must be a .json or .gpkg file, not '{indexPath}'");
            return Task.FromResult(2);
        }
        try
        {
            var count = 0;
            var index = MosaicIndex.FromFolder(folder, CogFiles.Open, _ => count++);
            if (geoPackage)
                IndexGeoPackage.Write(index, indexPath);
            else
                index.Write(indexPath);
            var e = index.Extent;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"indexed {index.Tiles.Count} file(s) of {folder} into {indexPath}: EPSG:{index.Srid}, extent {e.MinX} {e.MinY} {e.MaxX} {e.MaxY}, finest resolution {index.ResolutionX} x {index.ResolutionY}, {(index.IsOpaque ? "opaque" : "with transparent parts")}"));
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is RasterSourceException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
