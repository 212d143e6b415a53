using System.Diagnostics;
using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>
/// Renders a few tiles at start, in the background and one at a time, through the tile miss path without caching
/// anything (<see cref="TileService.WarmUpAsync"/>): the centre of each of the first tile layers (groups first) at
/// a regional, a town and a street zoom. The first requests after a start or a deploy then find the code compiled,
/// fonts, styles and symbols loaded and connections open, instead of paying for it (up to a second each).
/// </summary>
public sealed class RenderWarmUp(ICatalogProvider catalog, TileMatrixSetCatalog sets, TileService tiles, CrsRegistry crs, ILogger<RenderWarmUp> logger)
    : BackgroundService
{
    private const int MaxLayers = 4;
    private static readonly int[] Zooms = [12, 15, 18];
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number of tiles rendered once the warm-up is over (failures are skipped).</summary>
    public Task<int> Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var rendered = 0;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var set = sets.Find("WebMercatorQuad") ?? sets.All.FirstOrDefault();
            if (set is not null)
            {
                foreach (var request in Requests(catalog.Current, set))
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    try
                    {
                        if (await tiles.WarmUpAsync(request, stoppingToken).ConfigureAwait(false))
                            rendered++;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A source that is down at start is the health check's business, not the warm-up's.
                        logger.LogDebug(ex, "Warm-up tile {Layer} {Matrix}/{Row}/{Col} failed", request.Layer.Id, request.TileMatrix.Id, request.Row, request.Col);
                    }
                }
            }
            logger.LogInformation("Render warm-up: {Count} tiles in {Milliseconds:0} ms (nothing cached)", rendered, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _done.TrySetResult(rendered);
        }
    }

    private IEnumerable<TileRequest> Requests(CatalogSnapshot snapshot, TileMatrixSet set)
    {
        var layers = snapshot.Layers.Where(l => l.Kind == LayerKind.Group)
            .Concat(snapshot.Layers.Where(l => l.Kind == LayerKind.Vector))
            .Where(l => l.Cache.Enabled && !l.GeographicExtent.IsNull)
            .Take(MaxLayers);
        foreach (var layer in layers)
        {
            if (Centre(layer, set) is not { } centre)
                continue;
            foreach (var zoom in Zooms)
            {
                if (zoom >= set.TileMatrices.Count)
                    continue;
                var matrix = set.TileMatrices[zoom];
                if (TileMath.TileRange(matrix, new Envelope(centre)) is not { } range)
                    continue;
                yield return new TileRequest
                {
                    Layer = layer,
                    StyleName = layer.DefaultStyle?.Name ?? "default",
                    TileMatrixSet = set,
                    TileMatrix = matrix,
                    Row = range.MinRow,
                    Col = range.MinCol,
                    Format = ImageFormat.Png,
                };
            }
        }
    }

    /// <summary>The centre of the layer's geographic extent in the set's CRS, or null outside its domain.</summary>
    private Coordinate? Centre(LayerDefinition layer, TileMatrixSet set)
    {
        var centre = layer.GeographicExtent.Centre;
        double x = centre.X, y = centre.Y;
        try
        {
            if (set.Srid != 4326)
                crs.GetTransform(4326, set.Srid).Transform(ref x, ref y);
        }
        catch (Exception ex) when (ex is UnsupportedCrsException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
        return double.IsFinite(x) && double.IsFinite(y) ? new Coordinate(x, y) : null;
    }
}
