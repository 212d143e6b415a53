using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Integration.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit.Abstractions;

namespace GeoMas.Ogc.Integration.Tests.Tiles;

/// <summary>
/// Labels and symbols at metatile edges: two adjacent tiles rendered in two different 4×4 metatiles must look like
/// the same two tiles cut from one image. The reference comes from 3×3 metatiles, where the same pair of columns
/// lies inside one metatile (no seam between them). Real demo GeoPackage, real renderer and cutter.
/// </summary>
public sealed class MetatileSeamTests(EmbeddedServerFixture server, ITestOutputHelper output) : IClassFixture<EmbeddedServerFixture>
{
    private const int Band = 48;

    [Theory]
    [InlineData("parcelles", 17)]
    [InlineData("batiments", 17)]
    [InlineData("plan", 17)]
    public Task Tiles_on_both_sides_of_a_metatile_edge_match_a_render_without_that_edge(string layer, int zoom) =>
        CompareSeamAsync(layer, zoom);

    /// <summary>
    /// Polygon labels: in buffered (tile) renders the label of a large polygon is anchored at the visual centre of
    /// the whole polygon, so every metatile that sees "Selonnet" draws it at the same place.
    /// </summary>
    [Theory]
    [InlineData("communes", 13)]
    [InlineData("fond_plan", 15)]
    public Task Polygon_labels_are_drawn_at_the_same_place_by_neighbouring_metatiles(string layer, int zoom) =>
        CompareSeamAsync(layer, zoom);

    /// <summary>
    /// The default miss path draws each tile alone with the labels placed over its whole metatile: every tile of a
    /// metatile must then look like the same tile cut from the whole metatile, labels crossing tile edges included.
    /// </summary>
    [Theory]
    [InlineData("plan", 17)]
    [InlineData("parcelles", 18)]
    [InlineData("communes", 13)]
    [InlineData("fond_plan", 15)]
    public async Task Tiles_rendered_alone_match_the_tiles_cut_from_their_whole_metatile(string layer, int zoom)
    {
        var services = server.App.App.Services;
        var alone = Service(services, size: 4, MetatileMissRender.Tile);
        var whole = Service(services, size: 4, MetatileMissRender.Metatile);
        var (centreRow, centreCol) = TileFixtures.CentreTile(services, "parcelles", "WebMercatorQuad", zoom);
        var (row0, col0) = (centreRow / 4 * 4, centreCol / 4 * 4);

        var tally = new PixelTally();
        // Tiles in a scattered order, as a map client asks for them: each is rendered on its own.
        foreach (var (r, c) in new[] { (1, 2), (3, 0), (0, 0), (2, 3), (0, 1), (1, 1), (3, 3), (2, 0), (0, 3), (1, 0), (3, 1), (2, 2), (0, 2), (1, 3), (3, 2), (2, 1) })
        {
            var request = TileFixtures.Request(services, layer, "WebMercatorQuad", zoom, row0 + r, col0 + c);
            using var a = Decode(await alone.GetTileAsync(request, CancellationToken.None));
            using var b = Decode(await whole.GetTileAsync(request, CancellationToken.None));
            tally.Add(a, b, 0, 256);
        }

        output.WriteLine($"{layer} z{zoom}: {tally.Inked} inked of {tally.Compared} pixels, {tally.Differing} differ; {alone.Labels.Count} placement(s) kept");
        Assert.Equal(1, alone.Labels.Count);
        Assert.True(tally.Inked > tally.Compared / 50, $"the metatile holds too little drawing to test ({tally.Inked} of {tally.Compared} pixels)");
        Assert.True(tally.Differing <= tally.Compared / 500, $"{tally.Differing} of {tally.Compared} pixels differ from the whole-metatile render");
    }

    private async Task CompareSeamAsync(string layer, int zoom)
    {
        var services = server.App.App.Services;
        var seamed = Service(services, size: 4, MetatileMissRender.Metatile);
        var whole = Service(services, size: 3, MetatileMissRender.Metatile);
        // Where the parcels are (the centre of a group's extent may fall between the synthetic data areas).
        var (centreRow, centreCol) = TileFixtures.CentreTile(services, "parcelles", "WebMercatorQuad", zoom);
        // Columns 4m-1 | 4m straddle a 4×4 metatile edge; pick m so that both lie in one 3×3 metatile.
        var left = (centreCol / 4 * 4) - 1;
        while (left / 3 != (left + 1) / 3)
            left += 4;

        var tally = new PixelTally();
        for (var row = centreRow - 3; row <= centreRow + 3; row++)
        {
            foreach (var col in new[] { left, left + 1 })
            {
                var request = TileFixtures.Request(services, layer, "WebMercatorQuad", zoom, row, col);
                using var a = Decode(await seamed.GetTileAsync(request, CancellationToken.None));
                using var b = Decode(await whole.GetTileAsync(request, CancellationToken.None));
                if (Environment.GetEnvironmentVariable("GEOMAS_SEAM_DUMP") is { Length: > 0 } dump)
                {
                    Directory.CreateDirectory(dump);
                    await File.WriteAllBytesAsync(Path.Combine(dump, $"{layer}-{row}-{col}-a.png"), (await seamed.GetTileAsync(request, CancellationToken.None)).Bytes);
                    await File.WriteAllBytesAsync(Path.Combine(dump, $"{layer}-{row}-{col}-b.png"), (await whole.GetTileAsync(request, CancellationToken.None)).Bytes);
                }
                // The band of pixels along the shared edge: the right side of the left tile, the left side of the right tile.
                tally.Add(a, b, col == left ? 256 - Band : 0, Band);
            }
        }

        output.WriteLine($"{layer} z{zoom}: {tally.Inked} inked of {tally.Compared} band pixels, {tally.Differing} differ");
        Assert.True(tally.Inked > tally.Compared / 50, $"the seam band holds too little drawing to test ({tally.Inked} of {tally.Compared} pixels)");
        Assert.True(tally.Differing <= tally.Compared / 200, $"{tally.Differing} of {tally.Compared} pixels differ along the metatile edge");
    }

    private static TileService Service(IServiceProvider services, int size, MetatileMissRender onMiss) => new(
        services.GetRequiredService<ICatalogProvider>(),
        new TieredTileCache(new MemoryTileStore(64 << 20), null, services.GetRequiredService<CachingMetrics>()),
        services.GetRequiredService<ILayerRevisions>(),
        services.GetRequiredService<IMapRenderer>(),
        services.GetRequiredService<IImageCutter>(),
        services.GetRequiredService<RenderGate>(),
        services.GetRequiredService<LayerTileLimitsCache>(),
        new MetatileOptions { Size = size, Buffer = 64, OnMiss = onMiss },
        services.GetRequiredService<CachingMetrics>());

    private static SKBitmap Decode(TileContent tile) =>
        SKBitmap.Decode(tile.Bytes) ?? throw new InvalidOperationException("not an image");

    /// <summary>Pixels compared between two renders of the same tiles: drawn on (either side), and visibly different.</summary>
    private sealed class PixelTally
    {
        public long Compared { get; private set; }
        public long Inked { get; private set; }
        public long Differing { get; private set; }

        /// <summary>Compares the columns <paramref name="x0"/> to <paramref name="x0"/> + <paramref name="width"/> of two tiles.</summary>
        public void Add(SKBitmap a, SKBitmap b, int x0, int width)
        {
            for (var y = 0; y < 256; y++)
            {
                for (var x = x0; x < x0 + width; x++)
                {
                    var pa = a.GetPixel(x, y);
                    var pb = b.GetPixel(x, y);
                    Compared++;
                    if (pa.Alpha > 0 || pb.Alpha > 0)
                        Inked++;
                    if (Distance(pa, pb) > 24)
                        Differing++;
                }
            }
        }

        private static int Distance(SKColor a, SKColor b) =>
            Math.Max(Math.Max(Math.Abs(a.Red - b.Red), Math.Abs(a.Green - b.Green)), Math.Max(Math.Abs(a.Blue - b.Blue), Math.Abs(a.Alpha - b.Alpha)));
    }
}
