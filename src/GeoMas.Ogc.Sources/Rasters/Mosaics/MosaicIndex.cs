using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Rasters;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GeoMas.Ogc.Sources.Rasters.Mosaics;

/// <summary>
/// The footprints of a mosaic's files in an R-tree, so a read opens only the files its extent touches. Built from
/// a folder (each file's header read once) or loaded from an index file written by <c>geomas index-rasters</c>
/// (a JSON document; file paths relative to the index, so the folder can move with it).
/// </summary>
public sealed class MosaicIndex
{
    /// <summary>Value of the index document's "type" member.</summary>
    public const string DocumentType = "geomas-raster-index";

    private static readonly string[] ImageExtensions = [".tif", ".tiff"];
    private readonly STRtree<int> _tree = new();

    public MosaicIndex(int srid, IReadOnlyList<MosaicTile> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (tiles.Count == 0)
            throw new RasterSourceException("the mosaic has no files");
        Srid = srid;
        Tiles = tiles;
        var extent = new Envelope();
        for (var i = 0; i < tiles.Count; i++)
        {
            extent.ExpandToInclude(tiles[i].Extent);
            _tree.Insert(tiles[i].Extent, i);
        }
        _tree.Build();
        Extent = extent;
        ResolutionX = tiles.Min(t => t.ResolutionX);
        ResolutionY = tiles.Min(t => t.ResolutionY);
        // Opaque only when every file is and the files tile the extent without gaps (no overlaps in a mosaic).
        var covered = tiles.Sum(t => t.Extent.Area);
        IsOpaque = tiles.All(t => t.IsOpaque) && Math.Abs(covered - extent.Area) <= extent.Area * 1e-9;
    }

    public int Srid { get; }
    public IReadOnlyList<MosaicTile> Tiles { get; }
    public Envelope Extent { get; }
    public double ResolutionX { get; }
    public double ResolutionY { get; }
    public bool IsOpaque { get; }

    public RasterInfo Info => new(Srid, new Envelope(Extent), ResolutionX, ResolutionY, IsOpaque);

    /// <summary>Indexes of the files whose footprint overlaps <paramref name="extent"/> with a positive area, in index order.</summary>
    public List<int> Query(Envelope extent)
    {
        var hits = _tree.Query(extent);
        var result = new List<int>(hits.Count);
        foreach (var i in hits)
        {
            var overlap = Tiles[i].Extent.Intersection(extent);
            if (!overlap.IsNull && overlap.Width > 0 && overlap.Height > 0)
                result.Add(i);
        }
        result.Sort();
        return result;
    }

    public static bool IsIndexFile(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every GeoTIFF of <paramref name="folder"/> (and its sub-folders, in ordinal path order) through <paramref name="openFile"/>.</summary>
    public static MosaicIndex FromFolder(string folder, RasterFileOpener openFile, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(openFile);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => ImageExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new RasterSourceException($"folder '{folder}' holds no .tif/.tiff file");
        var tiles = new List<MosaicTile>(files.Count);
        int? srid = null;
        foreach (var file in files)
        {
            var source = openFile(file);
            try
            {
                var info = source.Info;
                if (srid is { } s && s != info.Srid)
                    throw new RasterSourceException(string.Create(CultureInfo.InvariantCulture, $"'{file}' is in EPSG:{info.Srid}, the other files in EPSG:{s}"));
                srid = info.Srid;
                tiles.Add(new MosaicTile(System.IO.Path.GetFullPath(file), info.Extent, info.ResolutionX, info.ResolutionY, info.IsOpaque));
                progress?.Invoke(file);
            }
            finally
            {
                RasterSourceRegistry.DisposeSourceAsync(source).AsTask().GetAwaiter().GetResult();
            }
        }
        return new MosaicIndex(srid!.Value, tiles);
    }

    /// <summary>Writes the index document; paths are stored relative to the index file's folder.</summary>
    public void Write(string indexPath)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(indexPath))!;
        using var stream = File.Create(indexPath);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("type", DocumentType);
        json.WriteNumber("version", 1);
        json.WriteNumber("srid", Srid);
        json.WriteStartArray("files");
        foreach (var tile in Tiles)
        {
            json.WriteStartObject();
            json.WriteString("path", System.IO.Path.GetRelativePath(directory, tile.Path).Replace('\\', '/'));
            json.WriteStartArray("extent");
            json.WriteNumberValue(tile.Extent.MinX);
            json.WriteNumberValue(tile.Extent.MinY);
            json.WriteNumberValue(tile.Extent.MaxX);
            json.WriteNumberValue(tile.Extent.MaxY);
            json.WriteEndArray();
            json.WriteStartArray("resolution");
            json.WriteNumberValue(tile.ResolutionX);
            json.WriteNumberValue(tile.ResolutionY);
            json.WriteEndArray();
            json.WriteBoolean("opaque", tile.IsOpaque);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Loads an index document; relative file paths are resolved against its folder.</summary>
    public static MosaicIndex Read(string indexPath)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(indexPath))!;
        try
        {
            using var stream = File.OpenRead(indexPath);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.GetString() != DocumentType)
                throw new RasterSourceException($"'{indexPath}' is not a raster index (its \"type\" is not \"{DocumentType}\"); build one with geomas index-rasters");
            var srid = root.GetProperty("srid").GetInt32();
            var tiles = new List<MosaicTile>();
            foreach (var file in root.GetProperty("files").EnumerateArray())
            {
                var e = file.GetProperty("extent");
                var r = file.GetProperty("resolution");
                var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, file.GetProperty("path").GetString() ?? ""));
                tiles.Add(new MosaicTile(
                    path,
                    new Envelope(e[0].GetDouble(), e[2].GetDouble(), e[1].GetDouble(), e[3].GetDouble()),
                    r[0].GetDouble(), r[1].GetDouble(),
                    file.TryGetProperty("opaque", out var opaque) && opaque.GetBoolean()));
            }
            return new MosaicIndex(srid, tiles);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw new RasterSourceException($"'{indexPath}' is not a valid raster index: {ex.Message}", ex);
        }
    }
}
