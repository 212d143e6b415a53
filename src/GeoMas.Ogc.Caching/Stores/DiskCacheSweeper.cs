using System.IO.Enumeration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>What <see cref="DiskCacheSweeper"/> keeps: tiles used within <see cref="MaxAge"/>, at most <see cref="MaxBytes"/> of them.</summary>
public sealed record DiskSweepOptions
{
    /// <summary>A tile neither written nor read for this long is deleted; null keeps tiles whatever their age.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Above this many bytes of tiles, the least recently used go until 90 % of it is left; null = no bound.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>A write's temporary file older than this was left by a stopped process.</summary>
    public TimeSpan StaleTemporary { get; init; } = TimeSpan.FromHours(1);

    /// <summary><c>cache.diskMaxAgeDays</c> when the configuration does not say.</summary>
    public const int DefaultMaxAgeDays = 30;

    /// <summary>The bounds as configured (<c>cache.diskMaxAgeDays</c>, <c>cache.diskMaxMegabytes</c>): absent takes the default, 0 lifts the bound.</summary>
    public static DiskSweepOptions From(int? maxAgeDays, int? maxMegabytes) => new()
    {
        MaxAge = (maxAgeDays ?? DefaultMaxAgeDays) is > 0 and var days ? TimeSpan.FromDays(days) : null,
        MaxBytes = maxMegabytes is > 0 and var megabytes ? megabytes * 1024L * 1024 : null,
    };
}

/// <summary>What one sweep found and removed.</summary>
public sealed record DiskSweepResult(long Files, long Bytes, long DeletedFiles, long DeletedBytes, long DeletedTemporaries, long DeletedFolders);

/// <summary>
/// Keeps the disk store (<see cref="DiskTileStore"/>) from growing without end. A tile's key holds its layer's
/// revision and the tile encoding epoch, so every data change that bumps a revision, and every upgrade that moves the
/// epoch, leaves files that are never read again; Redis drops such keys by TTL and LRU, the disk had nothing. A sweep
/// deletes the tiles not used (written, or read: <see cref="DiskTileStore"/> stamps the access time of a file it
/// reads) for <see cref="DiskSweepOptions.MaxAge"/>, then the least recently used while the tiles exceed
/// <see cref="DiskSweepOptions.MaxBytes"/>, the temporary files of interrupted writes, and the folders left empty.
/// Only tile files (png, jpg, webp) and temporaries are touched: seeding's state files and anything else in the root
/// stay. A tile deleted while it was being read is a miss, rendered again.
/// </summary>
public sealed class DiskCacheSweeper(string root, DiskSweepOptions options, TimeProvider? clock = null, ILogger? logger = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string Root { get; } = Path.GetFullPath(root);

    public DiskSweepResult Sweep(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Root))
            return new DiskSweepResult(0, 0, 0, 0, 0, 0);
        var now = _clock.GetUtcNow().UtcDateTime;
        var oldest = options.MaxAge is { } age ? now - age : DateTime.MinValue;
        var kept = new List<TileFile>();
        long files = 0, bytes = 0, deletedFiles = 0, deletedBytes = 0, temporaries = 0;
        foreach (var file in Enumerate())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.Temporary)
            {
                if (file.LastUsed < now - options.StaleTemporary && TryDelete(file.Path))
                    temporaries++;
                continue;
            }
            files++;
            bytes += file.Length;
            if (file.LastUsed < oldest)
            {
                if (TryDelete(file.Path))
                {
                    deletedFiles++;
                    deletedBytes += file.Length;
                }
                continue;
            }
            if (options.MaxBytes is not null)
                kept.Add(file);
        }

        if (options.MaxBytes is { } max && bytes - deletedBytes > max)
        {
            var left = bytes - deletedBytes;
            var target = max / 10 * 9;
            kept.Sort((a, b) => a.LastUsed.CompareTo(b.LastUsed));
            foreach (var file in kept)
            {
                if (left <= target)
                    break;
                cancellationToken.ThrowIfCancellationRequested();
                if (!TryDelete(file.Path))
                    continue;
                deletedFiles++;
                deletedBytes += file.Length;
                left -= file.Length;
            }
        }

        var folders = DeleteEmptyFolders(Root, isRoot: true, cancellationToken);
        var result = new DiskSweepResult(files, bytes, deletedFiles, deletedBytes, temporaries, folders);
        _logger.LogInformation("Disk tile cache sweep of {Root}: {Files} tile(s), {Bytes} bytes; deleted {Deleted} tile(s), {DeletedBytes} bytes, {Temporaries} temporary file(s), {Folders} empty folder(s)",
            Root, files, bytes, deletedFiles, deletedBytes, temporaries, folders);
        return result;
    }

    private readonly record struct TileFile(string Path, long Length, DateTime LastUsed, bool Temporary);

    /// <summary>Tile and temporary files under the root, with their size and last use, read from the directory entries (no stat per file).</summary>
    private IEnumerable<TileFile> Enumerate() =>
        new FileSystemEnumerable<TileFile>(Root,
            (ref FileSystemEntry entry) =>
            {
                var name = entry.FileName;
                var lastUsed = entry.LastAccessTimeUtc.UtcDateTime > entry.LastWriteTimeUtc.UtcDateTime
                    ? entry.LastAccessTimeUtc.UtcDateTime
                    : entry.LastWriteTimeUtc.UtcDateTime;
                return new TileFile(entry.ToFullPath(), entry.Length, lastUsed, name.EndsWith(".tmp", StringComparison.Ordinal));
            },
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && IsSwept(entry.FileName),
        };

    private static bool IsSwept(ReadOnlySpan<char> name) =>
        name.EndsWith(".tmp", StringComparison.Ordinal)
        || name.EndsWith(".png", StringComparison.Ordinal)
        || name.EndsWith(".jpg", StringComparison.Ordinal)
        || name.EndsWith(".webp", StringComparison.Ordinal);

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Disk tile cache sweep: cannot delete {Path}: {Error}", path, e.Message);
            return false;
        }
    }

    /// <summary>Deletes the folders under <paramref name="folder"/> that hold nothing; returns how many.</summary>
    private static long DeleteEmptyFolders(string folder, bool isRoot, CancellationToken cancellationToken)
    {
        long deleted = 0;
        IEnumerable<string> children;
        try
        {
            // Links are not followed: a sweep stays inside the root.
            children = Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted += DeleteEmptyFolders(child, isRoot: false, cancellationToken);
        }
        if (isRoot)
            return deleted;
        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                // A tile written meanwhile (its folder just created) makes this fail: the folder stays.
                Directory.Delete(folder, recursive: false);
                deleted++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return deleted;
    }
}
