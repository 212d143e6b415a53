using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Tests;

/// <summary><see cref="TileService.TryGetCached"/>: the memory hit <see cref="TileService.GetTileAsync"/> would answer, and nothing else.</summary>
public sealed class TileServiceTryGetCachedTests : IDisposable
{
    private const int Zoom = TileServiceParts.Zoom;

    private readonly TileServiceParts _parts = new();

    public void Dispose() => _parts.Dispose();

    private TileService Create(TestCatalog catalog) =>
        _parts.Create(catalog, new CatalogLayerRevisionsStub(), new MetatileOptions { Size = 4, Buffer = 64 });

    private static TileRequest Request(LayerDefinition layer, long row, long col, string scope = "public") =>
        TileServiceParts.Request(layer, row, col, scope: scope);

    [Fact]
    public async Task A_tile_is_found_once_rendered_with_the_content_GetTileAsync_returns()
    {
        var catalog = new TestCatalog();
        var service = Create(catalog);
        var (row, col) = TestCatalog.TileInData(Zoom);

        Assert.False(service.TryGetCached(Request(catalog.Layer, row, col), out _));
        var rendered = await service.GetTileAsync(Request(catalog.Layer, row, col), CancellationToken.None);

        Assert.True(service.TryGetCached(Request(catalog.Layer, row, col), out var cached));
        Assert.Same(rendered, cached);
        // The key holds the scope: another scope's request does not find the public tile.
        Assert.False(service.TryGetCached(Request(catalog.Layer, row, col, scope: "partner:a"), out _));
        Assert.Equal(1, _parts.Renderer.Renders);
    }

    [Fact]
    public async Task Blank_tiles_outside_the_data_and_uncached_layers_are_declined()
    {
        var catalog = new TestCatalog();
        var service = Create(catalog);
        var (row, col) = TestCatalog.TileInData(Zoom);
        var blank = await service.GetTileAsync(Request(catalog.Layer, row + 500, col), CancellationToken.None);
        Assert.True(blank.IsBlank);
        Assert.False(service.TryGetCached(Request(catalog.Layer, row + 500, col), out _));
        Assert.False(service.TryGetCached(Request(catalog.Layer, -1, col), out _));

        var uncached = new TestCatalog(new CachePolicy(false, 0));
        var uncachedService = Create(uncached);
        await uncachedService.GetTileAsync(Request(uncached.Layer, row, col), CancellationToken.None);
        Assert.False(uncachedService.TryGetCached(Request(uncached.Layer, row, col), out _));
    }

    private sealed class CatalogLayerRevisionsStub : ILayerRevisions
    {
        public long Current(string layerId) => 1;
    }
}
