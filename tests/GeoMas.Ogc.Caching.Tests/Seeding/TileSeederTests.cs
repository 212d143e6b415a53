using System.Collections.Concurrent;
using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Caching.Tests.Invalidation;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Seeding;

public class TileSeederTests
{
    private static readonly SeedArea Gap = SeedArea.FromBox(new Envelope(935_000, 950_000, 6_390_000, 6_405_000), 2154);

    private sealed class Catalog(CatalogSnapshot snapshot) : ICatalogProvider
    {
        public CatalogSnapshot Current { get; } = snapshot;
    }

    /// <summary>Records each tile asked for; fails the <c>failAt</c>-th request (1-based) once.</summary>
    private sealed class RecordingTiles(int failAt = 0) : ITileService
    {
        private int _count;

        public ConcurrentBag<(string Matrix, long Row, long Col)> Requests { get; } = [];

        public Task<TileContent> GetTileAsync(TileRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _count) == failAt)
                throw new InvalidOperationException("render failed");
            Requests.Add((request.TileMatrix.Id, request.Row, request.Col));
            return Task.FromResult(Tiles.Content());
        }
    }

    private static TileSeeder Seeder(ITileService tiles) =>
        new(new Catalog(InvalidationCatalogs.Catalog()), InvalidationCatalogs.Sets, InvalidationCatalogs.Crs, tiles, new MetatileOptions { Size = 4 });

    private static SeedJob Job => new() { Layers = ["plan"], MinZoom = 10, MaxZoom = 14, Area = Gap, Concurrency = 3 };

    [Fact]
    public async Task One_request_per_metatile_block_at_every_zoom()
    {
        using var folder = new TempDirectory();
        var tiles = new RecordingTiles();
        var seeder = Seeder(tiles);
        var steps = seeder.Plan(Job);

        var result = await seeder.RunAsync(Job, SeedState.Load(Path.Combine(folder.Path, "s.json")), TextWriter.Null, false, CancellationToken.None);

        Assert.Equal(5, steps.Count);
        Assert.Equal(steps.Sum(s => s.Blocks), tiles.Requests.Count);
        Assert.Equal(steps.Sum(s => s.Tiles), result.Tiles);
        Assert.Equal(0, result.Failed);
        Assert.Equal(tiles.Requests.Count, tiles.Requests.Distinct().Count());
        // Finer zooms cover the same area with more blocks.
        Assert.True(steps[^1].Blocks >= steps[0].Blocks);
    }

    [Fact]
    public async Task An_interrupted_seed_resumes_after_the_blocks_it_finished()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "s.json");
        var all = new RecordingTiles();
        await Seeder(all).RunAsync(Job with { Concurrency = 1 }, SeedState.Load(Path.Combine(folder.Path, "other.json")), TextWriter.Null, false, CancellationToken.None);

        var failing = new RecordingTiles(failAt: 7);
        var first = await Seeder(failing).RunAsync(Job with { Concurrency = 1 }, SeedState.Load(path), TextWriter.Null, false, CancellationToken.None);
        var resumed = new RecordingTiles();
        var second = await Seeder(resumed).RunAsync(Job with { Concurrency = 1 }, SeedState.Load(path), TextWriter.Null, false, CancellationToken.None);

        Assert.Equal(1, first.Failed);
        Assert.Equal(0, second.Failed);
        // The second run does the failed block and whatever followed it in its zoom, never the six done before it.
        Assert.Equal(all.Requests.Count, failing.Requests.Count + 1);
        Assert.True(resumed.Requests.Count < all.Requests.Count);
        Assert.Equal(all.Requests.ToHashSet(), failing.Requests.Concat(resumed.Requests).ToHashSet());
    }

    [Fact]
    public void Bad_jobs_are_refused_before_anything_is_rendered()
    {
        var seeder = Seeder(new RecordingTiles());

        Assert.Throws<ArgumentException>(() => seeder.Plan(Job with { Layers = ["nope"] }));
        Assert.Throws<ArgumentException>(() => seeder.Plan(Job with { TileMatrixSet = "nope" }));
        Assert.Throws<ArgumentException>(() => seeder.Plan(Job with { MaxZoom = 40 }));
        Assert.Throws<ArgumentException>(() => seeder.Plan(Job with { Format = "image/gif" }));
    }
}
