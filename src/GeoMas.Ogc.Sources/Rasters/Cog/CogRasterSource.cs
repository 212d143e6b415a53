using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters.IO;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// A Cloud-Optimized GeoTIFF (or any tiled/striped GeoTIFF/BigTIFF) as a raster source. Opening reads the header and
/// directories once; each window read picks the level from the requested resolution, fetches only the blocks the window
/// touches (adjacent ones in one read), decodes them through the shared decoded-block cache, and copies them into the
/// answer. Thread-safe: reads share nothing mutable except the cache.
/// </summary>
public sealed class CogRasterSource : IRasterSource, IDisposable
{
    private const double Epsilon = 1e-6;

    private readonly IByteSource _source;
    private readonly bool _ownsSource;
    private readonly CogLevel[] _levels;
    private readonly GeoTiffGeoreference _georeference;
    private readonly DecodedTileCache _cache;
    private readonly CogReaderOptions _options;

    private CogRasterSource(IByteSource source, bool ownsSource, CogLevel[] levels, GeoTiffGeoreference georeference, CogReaderOptions options)
    {
        _source = source;
        _ownsSource = ownsSource;
        _levels = levels;
        _georeference = georeference;
        _options = options;
        _cache = options.Cache ?? DecodedTileCache.Shared;
        var full = levels[0].Layout;
        var extent = new Envelope(georeference.OriginX, georeference.OriginX + full.Width * georeference.ResolutionX,
            georeference.OriginY - full.Height * georeference.ResolutionY, georeference.OriginY);
        var opaque = levels.All(l => l.MaskDecoder is null && !l.Decoder.HasTransparency);
        Info = new RasterInfo(georeference.Srid, extent, georeference.ResolutionX, georeference.ResolutionY, opaque);
        Overviews = [.. levels.Select(l => new CogOverview(l.Index, l.Layout.Width, l.Layout.Height, l.ResolutionX, l.ResolutionY,
            l.Layout.IsTiled, l.Layout.BlockWidth, l.Layout.BlockHeight, l.MaskDecoder is not null))];
    }

    public RasterInfo Info { get; }

    /// <summary>Full resolution then each internal overview, finest first.</summary>
    public IReadOnlyList<CogOverview> Overviews { get; }

    /// <summary>The object's identity (also the decoded-block cache key prefix).</summary>
    public string Key => _source.Key;

    public bool PixelIsPoint => _georeference.PixelIsPoint;

    public static CogRasterSource Open(string path, CogReaderOptions? options = null)
    {
        var source = new FileByteSource(path);
        try
        {
            return Open(source, options, ownsSource: true);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Opens synchronously (configuration time); prefer <see cref="OpenAsync"/> for remote objects.</summary>
    public static CogRasterSource Open(IByteSource source, CogReaderOptions? options = null, bool ownsSource = false) =>
        OpenAsync(source, options, ownsSource, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public static async ValueTask<CogRasterSource> OpenAsync(IByteSource source, CogReaderOptions? options = null, bool ownsSource = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new CogReaderOptions();
        var structure = await TiffStructureReader.ReadAsync(source, options.HeaderReadBytes, cancellationToken).ConfigureAwait(false);
        var name = source.Key;
        var images = structure.Directories.Where(d => !d.IsMask).ToList();
        var masks = structure.Directories.Where(d => d.IsMask).ToList();
        var full = images[0];
        var georeference = GeoTiffGeoreference.Read(full, name, options.Srid);
        var levels = new List<CogLevel>();
        // Overviews are the reduced-resolution images (NewSubfileType bit 1) of the main chain, finest first.
        var overviews = images.Skip(1).Where(d => (d.NewSubfileType & 1) != 0 && d.Width < full.Width).OrderByDescending(d => d.Width);
        foreach (var directory in overviews.Prepend(full))
        {
            var layout = TiffBlockLayout.From(directory, name);
            var decoder = new TiffBlockDecoder(directory, name);
            var mask = masks.FirstOrDefault(m => m.Width == directory.Width && m.Height == directory.Height);
            var resolutionX = georeference.ResolutionX * full.Width / directory.Width;
            var resolutionY = georeference.ResolutionY * full.Height / directory.Height;
            levels.Add(new CogLevel(levels.Count, layout, decoder,
                mask is null ? null : TiffBlockLayout.From(mask, name), mask is null ? null : new TiffMaskDecoder(mask, name),
                resolutionX, resolutionY));
        }
        return new CogRasterSource(source, ownsSource, [.. levels], georeference, options);
    }

    /// <summary>The coarsest level whose resolution is at least as fine as the one asked (level 0 if none is).</summary>
    public int SelectLevel(double resolutionX, double resolutionY)
    {
        var chosen = 0;
        for (var i = 1; i < _levels.Length; i++)
        {
            if (_levels[i].ResolutionX <= resolutionX * (1 + Epsilon) && _levels[i].ResolutionY <= resolutionY * (1 + Epsilon))
                chosen = i;
        }
        return chosen;
    }

    public async ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var level = _levels[SelectLevel(request.ResolutionX, request.ResolutionY)];
        PixelWindow window;
        while (true)
        {
            if (PixelWindow.Of(level, _georeference, request.Extent) is not { } found)
                return null;
            window = found;
            if ((long)window.Width * window.Height <= request.MaxPixels)
                break;
            if (level.Index == _levels.Length - 1)
                throw new ArgumentException(FormattableString.Invariant(
                    $"The window needs {window.Width}×{window.Height} pixels even at the coarsest level; the limit is {request.MaxPixels}."), nameof(request));
            level = _levels[level.Index + 1];
        }
        return await ReadWindowAsync(level, window, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a pixel window of one level directly (tests and tools); the window must lie inside the level.</summary>
    public async ValueTask<RasterWindow> ReadPixelsAsync(int levelIndex, int column, int row, int width, int height, CancellationToken cancellationToken)
    {
        var level = _levels[levelIndex];
        if (column < 0 || row < 0 || width <= 0 || height <= 0 || column + width > level.Layout.Width || row + height > level.Layout.Height)
            throw new ArgumentOutOfRangeException(nameof(width), "The window is not inside the level.");
        return await ReadWindowAsync(level, new PixelWindow(column, row, column + width, row + height), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RasterWindow> ReadWindowAsync(CogLevel level, PixelWindow window, CancellationToken cancellationToken)
    {
        var layout = level.Layout;
        var blocks = new List<(int Column, int Row, int Index)>();
        for (var row = window.Row0 / layout.BlockHeight; row <= (window.Row1 - 1) / layout.BlockHeight; row++)
        {
            for (var column = window.Column0 / layout.BlockWidth; column <= (window.Column1 - 1) / layout.BlockWidth; column++)
                blocks.Add((column, row, row * layout.BlocksAcross + column));
        }

        var decoded = new byte[blocks.Count][];
        var missing = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (_cache.TryGet(KeyOf(level, blocks[i].Index), out var cached))
                decoded[i] = cached;
            else
                missing.Add(i);
        }

        if (missing.Count > 0)
            await DecodeMissingAsync(level, blocks, missing, decoded, cancellationToken).ConfigureAwait(false);

        var extent = new Envelope(
            _georeference.OriginX + window.Column0 * level.ResolutionX,
            _georeference.OriginX + window.Column1 * level.ResolutionX,
            _georeference.OriginY - window.Row1 * level.ResolutionY,
            _georeference.OriginY - window.Row0 * level.ResolutionY);
        var result = RasterWindow.Rent(window.Width, window.Height, extent);
        var target = result.Buffer;
        for (var i = 0; i < blocks.Count; i++)
        {
            var (column, row, _) = blocks[i];
            var blockX = column * layout.BlockWidth;
            var blockY = row * layout.BlockHeight;
            var x0 = Math.Max(window.Column0, blockX);
            var x1 = Math.Min(window.Column1, blockX + layout.BlockWidth);
            var y0 = Math.Max(window.Row0, blockY);
            var y1 = Math.Min(window.Row1, blockY + layout.RowsIn(row));
            var source = decoded[i];
            for (var y = y0; y < y1; y++)
            {
                source.AsSpan(((y - blockY) * layout.BlockWidth + (x0 - blockX)) * 4, (x1 - x0) * 4)
                    .CopyTo(target.AsSpan(((y - window.Row0) * window.Width + (x0 - window.Column0)) * 4));
            }
        }
        return result;
    }

    /// <summary>
    /// Decodes the blocks not in the cache. Blocks another read is already decoding are awaited instead of decoded
    /// twice; if that read fails or is cancelled, this one decodes them itself.
    /// </summary>
    private async ValueTask DecodeMissingAsync(CogLevel level, List<(int Column, int Row, int Index)> blocks, List<int> missing, byte[][] decoded,
        CancellationToken cancellationToken)
    {
        var claimed = new List<(int Block, TaskCompletionSource<byte[]> Claim)>();
        var waiting = new List<(int Block, Task<byte[]> Pending)>();
        foreach (var i in missing)
        {
            var claim = _cache.TryClaim(KeyOf(level, blocks[i].Index), out var pending);
            if (claim is null)
                waiting.Add((i, pending));
            else
                claimed.Add((i, claim));
        }

        if (claimed.Count > 0)
        {
            try
            {
                await FetchAndDecodeAsync(level, blocks, claimed.Select(c => c.Block).ToList(), decoded, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                foreach (var (i, claim) in claimed)
                    _cache.Abandon(KeyOf(level, blocks[i].Index), claim, error);
                throw;
            }
            foreach (var (i, claim) in claimed)
                _cache.Complete(KeyOf(level, blocks[i].Index), claim, decoded[i]);
        }

        var retry = new List<int>();
        foreach (var (i, pending) in waiting)
        {
            try
            {
                decoded[i] = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                retry.Add(i);
            }
        }
        if (retry.Count > 0)
        {
            await FetchAndDecodeAsync(level, blocks, retry, decoded, cancellationToken).ConfigureAwait(false);
            foreach (var i in retry)
                _cache.Add(KeyOf(level, blocks[i].Index), decoded[i]);
        }
    }

    private async ValueTask FetchAndDecodeAsync(CogLevel level, List<(int Column, int Row, int Index)> blocks, List<int> wanted, byte[][] decoded,
        CancellationToken cancellationToken)
    {
        var fetched = await BlockFetcher.FetchAsync(_source, level, wanted.Select(i => blocks[i].Index).ToList(), _options, cancellationToken).ConfigureAwait(false);
        if (wanted.Count == 1)
        {
            decoded[wanted[0]] = DecodeBlock(level, blocks[wanted[0]].Row, blocks[wanted[0]].Index, fetched);
            return;
        }
        // Blocks decode independently: spread them over the pool (JPEG decoding dominates a cold read).
        await Task.WhenAll(wanted.Select(i => Task.Run(() => decoded[i] = DecodeBlock(level, blocks[i].Row, blocks[i].Index, fetched), cancellationToken)))
            .ConfigureAwait(false);
    }

    private DecodedTileKey KeyOf(CogLevel level, int blockIndex) => new(_source.Key, level.Index, blockIndex);

    private byte[] DecodeBlock(CogLevel level, int blockRow, int blockIndex, FetchedBlocks fetched)
    {
        var layout = level.Layout;
        var rows = layout.RowsIn(blockRow);
        byte[] rgba;
        if (level.Decoder.IsPlanar)
        {
            var planes = Enumerable.Range(0, layout.Planes)
                .Select(p => fetched.Image.TryGetValue(layout.EntryOf(blockIndex, p), out var plane) ? plane : (ArraySegment<byte>?)null).ToList();
            rgba = level.Decoder.DecodePlanes(planes, layout.BlockWidth, rows);
        }
        else if (fetched.Image.TryGetValue(blockIndex, out var image))
        {
            rgba = level.Decoder.Decode(image, layout.BlockWidth, rows);
        }
        else
        {
            rgba = new byte[layout.BlockWidth * rows * 4]; // a block the writer left out (SPARSE_OK): transparent
        }

        if (level.MaskDecoder is not null)
        {
            if (fetched.Mask.TryGetValue(blockIndex, out var mask))
                level.MaskDecoder.Apply(mask, layout.BlockWidth, rows, rgba);
            else
                Array.Clear(rgba);
        }
        return rgba;
    }

    public void Dispose()
    {
        if (_ownsSource)
            _source.Dispose();
    }

    /// <summary>A half-open pixel rectangle [Column0, Column1) × [Row0, Row1) of one level.</summary>
    private readonly record struct PixelWindow(int Column0, int Row0, int Column1, int Row1)
    {
        public int Width => Column1 - Column0;
        public int Height => Row1 - Row0;

        /// <summary>The level's pixels meeting <paramref name="extent"/>, clamped to the image; null when none do.</summary>
        public static PixelWindow? Of(CogLevel level, GeoTiffGeoreference georeference, Envelope extent)
        {
            if (extent.IsNull)
                return null;
            var column0 = Math.Max(0, Math.Floor((extent.MinX - georeference.OriginX) / level.ResolutionX + Epsilon));
            var column1 = Math.Min(level.Layout.Width, Math.Ceiling((extent.MaxX - georeference.OriginX) / level.ResolutionX - Epsilon));
            var row0 = Math.Max(0, Math.Floor((georeference.OriginY - extent.MaxY) / level.ResolutionY + Epsilon));
            var row1 = Math.Min(level.Layout.Height, Math.Ceiling((georeference.OriginY - extent.MinY) / level.ResolutionY - Epsilon));
            if (column1 <= column0 || row1 <= row0)
                return null;
            return new PixelWindow((int)column0, (int)row0, (int)column1, (int)row1);
        }
    }
}
