using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Tests;

public sealed class TileServiceTests : IDisposable
{
    private const int Zoom = TileServiceParts.Zoom;

    private readonly TileServiceParts _parts;
    private readonly FakeRenderer _renderer;
    private readonly MutableRevisions _revisions = new();
    private readonly TestCatalog _catalog;
    private readonly TileService _service;

    public TileServiceTests()
    {
        _parts = new TileServiceParts();
        _renderer = _parts.Renderer;
        _catalog = new TestCatalog(null);
        _service = Create(_catalog, _parts.Gate);
    }

    public void Dispose() => _parts.Dispose();

    private TileService Create(TestCatalog catalog, RenderGate gate, int size = 4) =>
        _parts.Create(catalog, _revisions, new MetatileOptions { Size = size, Buffer = 64 }, gate);

    private TileRequest Request(long row, long col, int zoom = Zoom, LayerDefinition? layer = null, ImageFormat? format = null) =>
        TileServiceParts.Request(layer ?? _catalog.Layer, row, col, zoom, format);

    private static (long Row, long Col) InnerBlock() => TileServiceParts.InnerBlock();

    [Fact]
    public async Task Seeding_a_block_again_renders_nothing_and_compacts_none_of_its_tiles()
    {
        var compactor = new HalvingCompactor();
        var service = _parts.Create(_catalog, _revisions, new MetatileOptions { Size = 4, Buffer = 64 }, _parts.Gate, new MemoryTileStore(16 << 20, compactor));
        var (row, col) = InnerBlock();

        for (var run = 0; run < 3; run++)
            await service.GetTileAsync(TileServiceParts.Request(_catalog.Layer, row, col, wholeMetatile: true), CancellationToken.None);

        // Finding the block's tiles held already is the cache's own check, not a client asking for them.
        Assert.Equal(1, _renderer.Renders);
        Assert.Equal(0, compactor.Calls);
        await service.GetTileAsync(Request(row, col), CancellationToken.None);
        await service.GetTileAsync(Request(row, col), CancellationToken.None);
        Assert.Equal(1, compactor.Calls);
    }

    [Fact]
    public async Task The_sixteen_tiles_of_a_metatile_cost_one_render()
    {
        var (row, col) = InnerBlock();
        var requests = new List<Task<TileContent>>();
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                var request = Request(row + r, col + c);
                requests.Add(Task.Run(() => _service.GetTileAsync(request, CancellationToken.None)));
            }
        }
        var tiles = await Task.WhenAll(requests);

        Assert.Equal(1, _renderer.Renders);
        Assert.Equal(16, tiles.Select(t => t.ETag).Distinct().Count());
        var map = Assert.Single(_renderer.Requests);
        Assert.Equal(1024, map.Width);
        Assert.Equal(1024, map.Height);
        Assert.Equal(64, map.Buffer);
        Assert.True(map.Transparent);
        Assert.Equal(2154, map.Srid);
        var first = TileMath.TileBounds(TestCatalog.Lamb93.TileMatrices[Zoom], row, col);
        Assert.Equal(first.MinX, map.Bbox.MinX, 6);
        Assert.Equal(first.MaxY, map.Bbox.MaxY, 6);
        Assert.Equal(first.Width * 4, map.Bbox.Width, 6);
        // Each tile is its own piece of the cut: the last byte is its index in the metatile.
        Assert.Equal(5, tiles[5].Bytes[^1]);
    }

    [Fact]
    public async Task A_hundred_concurrent_requests_for_one_tile_render_once()
    {
        var (row, col) = InnerBlock();
        var release = new TaskCompletionSource();
        _renderer.Hold = ct => release.Task.WaitAsync(ct);

        var requests = Enumerable.Range(0, 100).Select(_ => Task.Run(() => _service.GetTileAsync(Request(row, col), CancellationToken.None))).ToList();
        await Task.Delay(200);
        release.SetResult();
        var tiles = await Task.WhenAll(requests);

        Assert.Equal(1, _renderer.Renders);
        Assert.Single(tiles.Select(t => t.ETag).Distinct());
    }

    [Fact]
    public async Task A_tile_outside_the_layer_data_is_blank_without_a_render()
    {
        var (row, col) = TestCatalog.TileInData(Zoom);

        var tile = await _service.GetTileAsync(Request(row + 500, col), CancellationToken.None);
        var jpeg = await _service.GetTileAsync(Request(row, col + 500, format: ImageFormat.Jpeg), CancellationToken.None);

        Assert.True(tile.IsBlank);
        Assert.Equal("BLANK"u8.ToArray(), tile.Bytes);
        Assert.Equal("image/png", tile.ContentType);
        Assert.Equal("image/jpeg", jpeg.ContentType);
        Assert.Equal(0, _renderer.Renders);
    }

    [Fact]
    public async Task A_metatile_stops_at_the_data_limits()
    {
        var matrix = TestCatalog.Lamb93.TileMatrices[Zoom];
        var limits = new LayerTileLimitsCache(new CrsRegistry()).Get(_catalog.Layer, TestCatalog.Lamb93, matrix.Id)!;

        await _service.GetTileAsync(Request(limits.MaxTileRow, limits.MaxTileCol), CancellationToken.None);

        var map = Assert.Single(_renderer.Requests);
        var expected = Metatile.For(matrix, limits, limits.MaxTileRow, limits.MaxTileCol, 4);
        Assert.Equal(expected.Columns * 256, map.Width);
        Assert.Equal(expected.Rows * 256, map.Height);
        Assert.True(map.Bbox.MaxX <= TileMath.TileBounds(matrix, limits.MaxTileRow, limits.MaxTileCol).MaxX + 1e-6);
    }

    [Fact]
    public async Task Cached_tiles_are_served_while_a_slow_render_holds_every_render_slot()
    {
        using var gate = new RenderGate(new ServiceLimits { MaxConcurrentRenders = 1, MaxQueuedRenders = 0 });
        var service = Create(_catalog, gate);
        var (row, col) = InnerBlock();
        await service.GetTileAsync(Request(row, col), CancellationToken.None);
        var stuck = new TaskCompletionSource();
        var rendering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _renderer.Hold = ct =>
        {
            rendering.TrySetResult();
            return stuck.Task.WaitAsync(ct);
        };

        var slow = service.GetTileAsync(Request(row, col + 4), CancellationToken.None);
        await rendering.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The stuck render never ends by itself: a cached tile that completes at all did not wait behind it.
        var cached = await service.GetTileAsync(Request(row + 1, col + 1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        // A render of another metatile is refused at once (queue full) instead of waiting behind the stuck one.
        await Assert.ThrowsAsync<ServiceException>(() => service.GetTileAsync(Request(row - 4, col), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(cached);
        Assert.False(slow.IsCompleted);
        stuck.SetResult();
        await slow;
    }

    [Fact]
    public async Task A_new_layer_revision_is_a_new_key_and_renders_again()
    {
        var (row, col) = InnerBlock();
        await _service.GetTileAsync(Request(row, col), CancellationToken.None);
        await _service.GetTileAsync(Request(row, col), CancellationToken.None);
        Assert.Equal(1, _renderer.Renders);

        _revisions.Bump("parcelles");
        await _service.GetTileAsync(Request(row, col), CancellationToken.None);

        Assert.Equal(2, _renderer.Renders);
    }

    [Fact]
    public async Task A_layer_with_caching_disabled_renders_each_tile_alone()
    {
        var catalog = new TestCatalog(new CachePolicy(false, 0));
        var service = Create(catalog, _parts.Gate);
        var (row, col) = InnerBlock();

        await service.GetTileAsync(Request(row, col, layer: catalog.Layer), CancellationToken.None);
        await service.GetTileAsync(Request(row, col, layer: catalog.Layer), CancellationToken.None);

        Assert.Equal(2, _renderer.Renders);
        Assert.All(_renderer.Requests, m => Assert.Equal(256, m.Width));
    }

    [Fact]
    public async Task A_tile_outside_the_matrix_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _service.GetTileAsync(Request(-1, 0), CancellationToken.None));
    }

    private sealed class MutableRevisions : ILayerRevisions
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _revisions = new();

        public long Current(string layerId) => _revisions.GetValueOrDefault(layerId, 1);

        public void Bump(string layerId) => _revisions.AddOrUpdate(layerId, 2, (_, r) => r + 1);
    }
}
