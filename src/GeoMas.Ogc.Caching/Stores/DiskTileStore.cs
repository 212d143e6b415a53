using GeoMas.Ogc.Core.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>
/// Tiles as plain image files: <c>{root}/{layer}/{tms}/{matrix}/{row}/{col}/{variant hash}.{ext}</c>. One folder per
/// position, so dropping a position is one recursive delete; the variant (style, format, time, scope, revision) is
/// hashed into the file name to keep names short and safe. Writes go to a temporary file renamed into place, so a
/// reader sees the old tile, the new tile or nothing — never half a file. The ETag is recomputed from the bytes
/// on read (a few microseconds), so files need no sidecar. A read stamps the file's access time, by which
/// <see cref="DiskCacheSweeper"/> tells used tiles from those of old revisions.
/// </summary>
public sealed class DiskTileStore : ITileStore
{
    private readonly CachingMetrics _metrics;
    private readonly ILogger _logger;

    public DiskTileStore(string root, CachingMetrics metrics, ILogger<DiskTileStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string Name => "disk";

    public string Root { get; }

    public string PositionDirectory(string position)
    {
        var parts = position.Split('/');
        return Path.Combine([Root, .. parts.Select(SafeName)]);
    }

    public string PathOf(TileKey key) =>
        Path.Combine(PositionDirectory(key.Position), TileEtag.Hash(key.Variant) + "." + TileFormats.Extension(key.Format));

    public async ValueTask<TileContent?> GetAsync(TileKey key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        // A miss is the rule for a tile never rendered: one stat, instead of the exception opening it would throw
        // (about 1 % of a cold tile's CPU). A file removed between the two is still a miss, through the catch.
        if (!File.Exists(path))
            return null;
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            StampUse(path);
            return new TileContent(bytes, TileFormats.ContentType(key.Format), TileEtag.Compute(bytes));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Failed(e, "read", key.Position);
            return null;
        }
    }

    public async ValueTask SetAsync(TileKey key, TileContent content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temporary, content.Bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temporary);
            // A position removed while this tile was written makes the rename fail: nothing to report.
            if (e is not (DirectoryNotFoundException or OperationCanceledException))
                Failed(e, "write", key.Position);
        }
    }

    public ValueTask RemovePositionsAsync(IReadOnlyCollection<string> positions, CancellationToken cancellationToken)
    {
        foreach (var position in positions)
        {
            try
            {
                Directory.Delete(PositionDirectory(position), recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Failed(e, "delete", position);
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Sets the file's access time to now: the disk sweep (<see cref="DiskCacheSweeper"/>) keeps what is used, and a
    /// file system mounted noatime (or relatime, which moves it once a day at most) would not say so by itself.
    /// </summary>
    private static void StampUse(string path)
    {
        try
        {
            File.SetLastAccessTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleted meanwhile, or a read-only cache: the tile was read all the same.
        }
    }

    private void Failed(Exception e, string operation, string position)
    {
        _metrics.StoreError(Name);
        _logger.LogWarning(e, "Disk tile cache: cannot {Operation} {Position} under {Root}", operation, position, Root);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Ids are plain already (catalog and TMS ids); anything else is replaced so no part can climb out of the root.</summary>
    private static string SafeName(string part)
    {
        if (part is "" or "." or "..")
            return "_" + part.Replace('.', '_');
        Span<char> buffer = part.Length <= 256 ? stackalloc char[part.Length] : new char[part.Length];
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            buffer[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_';
        }
        return new string(buffer);
    }
}
