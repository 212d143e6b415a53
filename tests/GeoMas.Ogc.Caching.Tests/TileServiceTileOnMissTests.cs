using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Tests;

/// <summary>
/// The default miss path (<see cref="MetatileMissRender.Tile"/>) with a renderer that can place labels apart: a miss
/// draws only its tile, with the labels placed once over its metatile; seeding still renders whole metatiles.
/// </summary>
public sealed class TileServiceTileOnMissTests : IDisposable
{
    private const int Zoom = TileServiceParts.Zoom;

    private readonly TileServiceParts _parts = new();
    private readonly TestCatalog _catalog = new(null);
    private readonly MemoryTileStore _memory = new(16 << 20);
    private readonly TileService _service;

    public TileServiceTileOnMissTests()
    {
        _parts.Renderer.PlacesLabels = true;
        _service = Create(MetatileMissRender.Tile);
    }


    public void Dispose() => _parts.Dispose();

    private TileService Create(MetatileMissRender onMiss) =>
        _parts.Create(_catalog, new FixedRevisions(), new MetatileOptions { Size = 4, Buffer = 64, OnMiss = onMiss }, memory: _memory);

    private TileRequest Request(long row, long col, bool whole = false) =>
        TileServiceParts.Request(_catalog.Layer, row, col, wholeMetatile: whole);

    private static (long Row, long Col) InnerBlock() => TileServiceParts.InnerBlock();

    [Fact]
    public async Task A_miss_draws_only_its_tile_with_labels_placed_over_the_whole_metatile()
    {
        var (row, col) = InnerBlock();

        await _service.GetTileAsync(Request(row + 1, col + 2), CancellationToken.None);

        var placement = Assert.Single(_parts.Renderer.PlacementRequests);
        Assert.Equal(1024, placement.Width);
        Assert.Equal(1024, placement.Height);
        Assert.Equal(64, placement.Buffer);
        var metatileBounds = new Metatile(TestCatalog.Lamb93.TileMatrices[Zoom], row, col, 4, 4).Bounds;
        Assert.Equal(metatileBounds.MinX, placement.Bbox.MinX, 6);
        Assert.Equal(metatileBounds.MaxY, placement.Bbox.MaxY, 6);

        var map = Assert.Single(_parts.Renderer.Requests);
        Assert.Equal(256, map.Width);
        Assert.Equal(256, map.Height);
        Assert.Equal(0, map.Buffer);
        var tileBounds = TileMath.TileBounds(TestCatalog.Lamb93.TileMatrices[Zoom], row + 1, col + 2);
        Assert.Equal(tileBounds.MinX, map.Bbox.MinX, 6);
        Assert.Equal(tileBounds.MaxY, map.Bbox.MaxY, 6);
        var labels = Assert.IsType<FakePlacedLabels>(map.Labels);
        Assert.Same(placement.Bbox, labels.Bbox);
    }

    [Fact]
    public async Task Siblings_reuse_the_placed_labels_and_another_metatile_places_its_own()
    {
        var (row, col) = InnerBlock();

        await _service.GetTileAsync(Request(row, col), CancellationToken.None);
        await _service.GetTileAsync(Request(row + 3, col + 3), CancellationToken.None);
        await _service.GetTileAsync(Request(row + 3, col + 3), CancellationToken.None);
        Assert.Equal(1, _parts.Renderer.LabelPlacements);
        Assert.Equal(2, _parts.Renderer.Renders);
        Assert.Same(_parts.Renderer.Requests[0].Labels, _parts.Renderer.Requests[1].Labels);

        await _service.GetTileAsync(Request(row - 4, col), CancellationToken.None);
        Assert.Equal(2, _parts.Renderer.LabelPlacements);
        Assert.NotSame(_parts.Renderer.Requests[0].Labels, _parts.Renderer.Requests[2].Labels);
    }

    [Fact]
    public async Task Concurrent_misses_in_one_metatile_place_its_labels_once()
    {
        var (row, col) = InnerBlock();
        var release = new TaskCompletionSource();
        _parts.Renderer.Hold = ct => release.Task.WaitAsync(ct);

        var requests = new List<Task<TileContent>>();
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                var request = Request(row + r, col + c);
                requests.Add(Task.Run(() => _service.GetTileAsync(request, CancellationToken.None)));
            }
        }
        await Task.Delay(200);
        release.SetResult();
        var tiles = await Task.WhenAll(requests);

        Assert.Equal(1, _parts.Renderer.LabelPlacements);
        Assert.Equal(16, _parts.Renderer.Renders);
        Assert.All(_parts.Renderer.Requests, m => Assert.Equal(256, m.Width));
        Assert.Equal(16, tiles.Select(t => t.ETag).Distinct().Count());
    }

    [Fact]
    public async Task Invalidating_one_tile_of_a_metatile_drops_its_placed_labels()
    {
        var (row, col) = InnerBlock();
        await _service.GetTileAsync(Request(row, col), CancellationToken.None);
        Assert.Equal(1, _service.Labels.Count);

        // What invalidation and truncation do: drop positions from the memory tier.
        var position = _service.KeyFor(Request(row + 2, col + 1), [_catalog.Layer]).Position;
        await _memory.RemovePositionsAsync([position], CancellationToken.None);
        Assert.Equal(0, _service.Labels.Count);

        await _service.GetTileAsync(Request(row + 2, col + 1), CancellationToken.None);
        Assert.Equal(2, _parts.Renderer.LabelPlacements);
    }

    [Fact]
    public async Task Clearing_the_memory_tier_drops_the_placed_labels_too()
    {
        var (row, col) = InnerBlock();
        await _service.GetTileAsync(Request(row, col), CancellationToken.None);
        Assert.Equal(1, _service.Labels.Count);

        // What an instance that may have missed invalidations does (InvalidationCoordinator, lost subscription).
        _memory.Clear();

        Assert.Equal(0, _service.Labels.Count);
        await _service.GetTileAsync(Request(row + 1, col), CancellationToken.None);
        Assert.Equal(2, _parts.Renderer.LabelPlacements);
    }

    [Fact]
    public async Task Dropping_a_position_outside_the_metatile_keeps_its_labels()
    {
        var (row, col) = InnerBlock();
        await _service.GetTileAsync(Request(row, col), CancellationToken.None);

        var elsewhere = _service.KeyFor(Request(row + 4, col), [_catalog.Layer]).Position;
        await _memory.RemovePositionsAsync([elsewhere], CancellationToken.None);

        Assert.Equal(1, _service.Labels.Count);
    }

    [Fact]
    public async Task Seeding_renders_the_whole_metatile_once_with_the_labels_already_placed()
    {
        var (row, col) = InnerBlock();
        await _service.GetTileAsync(Request(row + 1, col + 1), CancellationToken.None);

        await _service.GetTileAsync(Request(row, col, whole: true), CancellationToken.None);
        await _service.GetTileAsync(Request(row, col, whole: true), CancellationToken.None);

        Assert.Equal(2, _parts.Renderer.Renders);
        var whole = _parts.Renderer.Requests[1];
        Assert.Equal(1024, whole.Width);
        Assert.Equal(64, whole.Buffer);
        Assert.Same(_parts.Renderer.Requests[0].Labels, whole.Labels);
        Assert.Equal(1, _parts.Renderer.LabelPlacements);
        // Every tile of the block is now cached: asking for any of them renders nothing more.
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
                await _service.GetTileAsync(Request(row + r, col + c), CancellationToken.None);
        }
        Assert.Equal(2, _parts.Renderer.Renders);
    }

    [Fact]
    public async Task The_metatile_setting_renders_whole_metatiles_on_a_miss()
    {
        var service = Create(MetatileMissRender.Metatile);
        var (row, col) = InnerBlock();

        await service.GetTileAsync(Request(row + 2, col + 2), CancellationToken.None);
        await service.GetTileAsync(Request(row + 3, col), CancellationToken.None);

        var map = Assert.Single(_parts.Renderer.Requests);
        Assert.Equal(1024, map.Width);
        Assert.Null(map.Labels);
        Assert.Equal(0, _parts.Renderer.LabelPlacements);
    }

    private sealed class FixedRevisions : ILayerRevisions
    {
        public long Current(string layerId) => 1;
    }
}
