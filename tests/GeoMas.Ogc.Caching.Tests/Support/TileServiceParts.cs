using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>
/// What the tile service tests build a <see cref="TileService"/> from (metrics, a counting renderer, a render gate)
/// and the requests they ask it: tiles of LAMB93 at <see cref="Zoom"/>, over the test catalog's data.
/// </summary>
internal sealed class TileServiceParts : IDisposable
{
    public const int Zoom = 14;
    private static readonly CrsRegistry Crs = new();

    public TileServiceParts(ServiceLimits? limits = null) => Gate = new RenderGate(limits ?? new ServiceLimits());

    public CachingMetrics Metrics { get; } = new();
    public FakeRenderer Renderer { get; } = new();
    public RenderGate Gate { get; }

    /// <param name="memory">The L1 (a fresh 16 MB one when null); there is no L2.</param>
    public TileService Create(ICatalogProvider catalog, ILayerRevisions revisions, MetatileOptions options, RenderGate? gate = null, MemoryTileStore? memory = null) => new(
        catalog, new TieredTileCache(memory ?? new MemoryTileStore(16 << 20), null, Metrics), revisions, Renderer, new FakeCutter(),
        gate ?? Gate, new LayerTileLimitsCache(Crs), options, Metrics);

    public static TileRequest Request(LayerDefinition layer, long row, long col, int zoom = Zoom, ImageFormat? format = null, string scope = "public", bool wholeMetatile = false) => new()
    {
        Layer = layer,
        StyleName = "default",
        TileMatrixSet = TestCatalog.Lamb93,
        TileMatrix = TestCatalog.Lamb93.TileMatrices[zoom],
        Row = row,
        Col = col,
        Format = format ?? ImageFormat.Png,
        Scope = scope,
        WholeMetatile = wholeMetatile,
    };

    /// <summary>
    /// The top-left tile of an aligned 4×4 block lying wholly inside the data (at z14 the extent spans tile rows
    /// 1708–1715 and columns 283–289: the blocks at (1712, 284), (1712, 288) and (1708, 284) all hold data).
    /// </summary>
    public static (long Row, long Col) InnerBlock()
    {
        var (row, col) = TestCatalog.TileInData(Zoom);
        return (row / 4 * 4, col / 4 * 4);
    }

    public void Dispose()
    {
        Gate.Dispose();
        Metrics.Dispose();
    }
}
