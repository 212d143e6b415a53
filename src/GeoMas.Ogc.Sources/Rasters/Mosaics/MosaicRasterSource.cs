using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Sources.Rasters.Mosaics;

/// <summary>
/// Many image files seen as one raster: a read asks the <see cref="MosaicIndex"/> which files its extent touches,
/// reads each one (every file picks its own overview for the requested resolution) and composites the windows into
/// one, on the grid of the finest window, so files cut from one grid abut pixel for pixel with no seam.
/// Files are opened on demand and kept in a bounded LRU.
/// </summary>
public sealed class MosaicRasterSource : IRasterSource, IDisposable
{
    /// <summary>Open files kept per mosaic by default: enough for a 4096 px map at 20 cm over 1 km files, with room to spare.</summary>
    public const int DefaultMaxOpenFiles = 64;

    private readonly MosaicIndex _index;
    private readonly RasterSourceLru _files;

    public MosaicRasterSource(MosaicIndex index, RasterFileOpener openFile, int maxOpenFiles = DefaultMaxOpenFiles)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(openFile);
        _index = index;
        _files = new RasterSourceLru(openFile, maxOpenFiles);
        Info = index.Info;
    }

    public RasterInfo Info { get; }

    public MosaicIndex Index => _index;

    /// <summary>Files open now (bounded by the LRU capacity plus the files in use by running reads).</summary>
    public int OpenFileCount => _files.OpenCount;

    /// <summary>Files opened since creation (LRU misses).</summary>
    public int OpenedFileTotal => _files.OpenedTotal;

    public async ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hits = _index.Query(request.Extent);
        if (hits.Count == 0)
            return null;
        if (hits.Count == 1)
        {
            using var lease = _files.Acquire(_index.Tiles[hits[0]].Path);
            return await lease.Source.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var windows = new List<RasterWindow>(hits.Count);
        try
        {
            foreach (var i in hits)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var lease = _files.Acquire(_index.Tiles[i].Path);
                if (await lease.Source.ReadAsync(request, cancellationToken).ConfigureAwait(false) is { } window)
                    windows.Add(window);
            }
            return windows.Count switch
            {
                0 => null,
                1 => TakeOnly(windows),
                _ => WindowCompositor.Composite(windows, request),
            };
        }
        finally
        {
            foreach (var window in windows)
                window.Dispose();
        }
    }

    private static RasterWindow TakeOnly(List<RasterWindow> windows)
    {
        var only = windows[0];
        windows.Clear(); // handed to the caller, not disposed here
        return only;
    }

    public void Dispose() => _files.Dispose();
}
