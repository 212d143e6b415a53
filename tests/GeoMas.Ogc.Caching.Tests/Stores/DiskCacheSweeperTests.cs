using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;

namespace GeoMas.Ogc.Caching.Tests.Stores;

/// <summary>The disk store's sweep, on real files whose times are set in the past.</summary>
public sealed class DiskCacheSweeperTests : IDisposable
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly TempDirectory _root = new();
    private readonly CachingMetrics _metrics = new();

    public void Dispose()
    {
        _root.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void Tiles_unused_for_the_maximum_age_go_with_stale_temporaries_and_empty_folders_and_nothing_else()
    {
        var unused = File("plan/WebMercatorQuad/16/1/1/old.png", 100, written: Now.AddDays(-40));
        var readLately = File("plan/WebMercatorQuad/16/1/2/read.png", 100, written: Now.AddDays(-40), read: Now.AddDays(-2));
        var recent = File("plan/WebMercatorQuad/16/1/2/new.webp", 100, written: Now.AddDays(-1));
        var oldJpeg = File("ortho/LAMB93/10/5/5/a.jpg", 300, written: Now.AddDays(-31));
        var staleTemporary = File("plan/WebMercatorQuad/16/1/3/x.png.abc.tmp", 10, written: Now.AddHours(-2));
        var freshTemporary = File("plan/WebMercatorQuad/16/1/4/y.png.def.tmp", 10, written: Now.AddMinutes(-1));
        var seedState = File(".seed-0123abcd.json", 50, written: Now.AddDays(-90));
        var notATile = File("plan/README.txt", 50, written: Now.AddDays(-90));

        var result = Sweeper(new DiskSweepOptions { MaxAge = TimeSpan.FromDays(30) }).Sweep();

        Assert.False(Exists(unused));
        Assert.False(Exists(oldJpeg));
        Assert.False(Exists(staleTemporary));
        Assert.True(Exists(readLately));
        Assert.True(Exists(recent));
        Assert.True(Exists(freshTemporary));
        Assert.True(Exists(seedState));
        Assert.True(Exists(notATile));
        Assert.Equal(new DiskSweepResult(Files: 4, Bytes: 600, DeletedFiles: 2, DeletedBytes: 400, DeletedTemporaries: 1, DeletedFolders: 7), result);
        // The position folders emptied went, up to the first folder still holding something; the root stays.
        Assert.False(Directory.Exists(Path.Combine(_root.Path, "plan/WebMercatorQuad/16/1/1")));
        Assert.False(Directory.Exists(Path.Combine(_root.Path, "ortho")));
        Assert.True(Directory.Exists(Path.Combine(_root.Path, "plan/WebMercatorQuad/16/1/2")));
        Assert.True(Directory.Exists(_root.Path));
    }

    [Fact]
    public void Above_the_size_bound_the_least_recently_used_tiles_go_down_to_nine_tenths_of_it()
    {
        var tiles = Enumerable.Range(0, 10)
            .Select(i => File($"plan/WebMercatorQuad/17/{i}/0/t.png", 1000, written: Now.AddDays(-100), read: Now.AddHours(-10 + i)))
            .ToList();

        var result = Sweeper(new DiskSweepOptions { MaxAge = TimeSpan.FromDays(30), MaxBytes = 5000 }).Sweep();

        // Used within 30 days, all of them: only the bound removes, the six oldest reads first (4,000 ≤ 4,500).
        Assert.Equal(6, result.DeletedFiles);
        Assert.All(tiles.Take(6), t => Assert.False(Exists(t)));
        Assert.All(tiles.Skip(6), t => Assert.True(Exists(t)));
    }

    [Fact]
    public void Without_a_maximum_age_or_bound_only_temporaries_and_empty_folders_go()
    {
        var ancient = File("plan/WebMercatorQuad/16/9/9/old.png", 100, written: Now.AddYears(-3));
        Directory.CreateDirectory(Path.Combine(_root.Path, "plan/WebMercatorQuad/16/9/8"));

        var result = Sweeper(new DiskSweepOptions()).Sweep();

        Assert.True(Exists(ancient));
        Assert.Equal(0, result.DeletedFiles);
        Assert.Equal(1, result.DeletedFolders);
    }

    [Fact]
    public async Task A_tile_the_store_reads_counts_as_used_even_when_written_long_ago()
    {
        var store = new DiskTileStore(_root.Path, _metrics);
        var read = Tiles.Key(col: 1);
        var unread = Tiles.Key(col: 2);
        await store.SetAsync(read, Tiles.Content(), CancellationToken.None);
        await store.SetAsync(unread, Tiles.Content(), CancellationToken.None);
        foreach (var key in new[] { read, unread })
        {
            System.IO.File.SetLastWriteTimeUtc(store.PathOf(key), Now.AddDays(-60));
            System.IO.File.SetLastAccessTimeUtc(store.PathOf(key), Now.AddDays(-60));
        }

        Assert.NotNull(await store.GetAsync(read, CancellationToken.None));
        Sweeper(new DiskSweepOptions { MaxAge = TimeSpan.FromDays(30) }).Sweep();

        Assert.NotNull(await store.GetAsync(read, CancellationToken.None));
        Assert.Null(await store.GetAsync(unread, CancellationToken.None));
    }

    private DiskCacheSweeper Sweeper(DiskSweepOptions options) => new(_root.Path, options);

    private string File(string relative, int length, DateTime written, DateTime? read = null)
    {
        var path = Path.Combine(_root.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, new byte[length]);
        System.IO.File.SetLastWriteTimeUtc(path, written);
        System.IO.File.SetLastAccessTimeUtc(path, read ?? written);
        return path;
    }

    private static bool Exists(string path) => System.IO.File.Exists(path);
}
