using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;

namespace GeoMas.Ogc.Caching.Tests.Stores;

public sealed class DiskTileStoreTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly CachingMetrics _metrics = new();
    private readonly DiskTileStore _store;

    public DiskTileStoreTests() => _store = new DiskTileStore(_root.Path, _metrics);

    public void Dispose()
    {
        _root.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task Tiles_are_plain_files_under_layer_tms_matrix_row_col()
    {
        var key = Tiles.Key(row: 12, col: 34, format: "image/jpeg");
        var content = Tiles.Content(300);

        await _store.SetAsync(key, content, CancellationToken.None);

        var folder = Path.Combine(_root.Path, "parcelles", "LAMB93", "10", "12", "34");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal(TileEtag.Hash(key.Variant) + ".jpg", Path.GetFileName(file));
        Assert.Equal(content.Bytes, await File.ReadAllBytesAsync(file));

        var read = await _store.GetAsync(key, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(content.Bytes, read.Bytes);
        Assert.Equal(content.ETag, read.ETag);
        Assert.Equal("image/jpeg", read.ContentType);
    }

    [Fact]
    public async Task A_missing_tile_is_a_miss()
    {
        Assert.Null(await _store.GetAsync(Tiles.Key(), CancellationToken.None));
    }

    [Fact]
    public async Task Rewrites_replace_the_file_whole_and_leave_no_temporary_files()
    {
        var key = Tiles.Key();
        var sizes = new[] { 10_000, 200_000 };
        var reads = new List<int>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await _store.GetAsync(key, CancellationToken.None) is { } tile)
                {
                    // Every byte of a tile equals its size class: a half-written file would show zeros or be short.
                    Assert.Contains(tile.Bytes.Length, sizes);
                    Assert.All(tile.Bytes, b => Assert.Equal((byte)(tile.Bytes.Length / 10_000), b));
                    reads.Add(tile.Bytes.Length);
                }
            }
        });
        for (var i = 0; i < 100; i++)
        {
            var size = sizes[i % 2];
            await _store.SetAsync(key, Tiles.Content(size, fill: (byte)(size / 10_000)), CancellationToken.None);
        }
        await stop.CancelAsync();
        await reader;

        Assert.NotEmpty(reads);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_store.PathOf(key))!));
    }

    [Fact]
    public async Task Removing_a_position_deletes_its_folder_with_every_variant()
    {
        await _store.SetAsync(Tiles.Key(style: "a"), Tiles.Content(), CancellationToken.None);
        await _store.SetAsync(Tiles.Key(format: "image/webp"), Tiles.Content(), CancellationToken.None);
        await _store.SetAsync(Tiles.Key(revision: 9), Tiles.Content(), CancellationToken.None);
        await _store.SetAsync(Tiles.Key(col: 3), Tiles.Content(), CancellationToken.None);

        await _store.RemovePositionsAsync([Tiles.Key().Position, "parcelles/LAMB93/10/99/99"], CancellationToken.None);

        Assert.False(Directory.Exists(_store.PositionDirectory(Tiles.Key().Position)));
        Assert.Null(await _store.GetAsync(Tiles.Key(style: "a"), CancellationToken.None));
        Assert.NotNull(await _store.GetAsync(Tiles.Key(col: 3), CancellationToken.None));
    }

    [Fact]
    public void Path_parts_cannot_leave_the_root()
    {
        var path = _store.PathOf(Tiles.Key(layer: ".."));

        Assert.StartsWith(_root.Path + Path.DirectorySeparatorChar, Path.GetFullPath(path), StringComparison.Ordinal);
    }
}
