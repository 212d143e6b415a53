using System.Diagnostics;
using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>
/// Renders tiles at start, in the background and one at a time, through the tile miss path without caching
/// anything (<see cref="TileService.WarmUpAsync"/>): for each of the first tile layers (groups first), at every zoom
/// from 12 to 18, around a few places that hold data — the first feature of each of its first vector members — or,
/// when none answers, the centre of its extent. The first requests after a start or a deploy then find the code
/// compiled, fonts, styles and symbols loaded and connections open, instead of paying for it (up to a second each).
/// </summary>
/// <remarks>
/// Places with data, and every zoom, because that is what compiles the code a real tile runs: the centre of an
/// extent is often empty at street zooms (mountains, lakes), and parcel numbers or building outlines only draw from
/// zoom 17 or 18. On the PostGIS demo, the first 300 tiles of the benchmark's cold list cost 13.7 ms of server CPU each
/// after the old warm-up (12 tiles at the extent centres) and 12.4 ms after this one (two fresh servers side by side).
/// </remarks>
public sealed class RenderWarmUp(
    ICatalogProvider catalog, TileMatrixSetCatalog sets, TileService tiles, IFeatureSourceProvider sources, CrsRegistry crs, ILogger<RenderWarmUp> logger)
    : BackgroundService
{
    private const int MaxLayers = 4;
    private const int MaxPlacesPerLayer = 3;
    private const int MaxTiles = 64;
    private static readonly int[] Zooms = [12, 13, 14, 15, 16, 17, 18];
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
                foreach (var request in (await RequestsAsync(catalog.Current, set, stoppingToken).ConfigureAwait(false)).Take(MaxTiles))
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

    private async Task<List<TileRequest>> RequestsAsync(CatalogSnapshot snapshot, TileMatrixSet set, CancellationToken cancellationToken)
    {
        var layers = snapshot.Layers.Where(l => l.Kind == LayerKind.Group)
            .Concat(snapshot.Layers.Where(l => l.Kind == LayerKind.Vector))
            .Where(l => l.Cache.Enabled && !l.GeographicExtent.IsNull)
            .Take(MaxLayers);
        var requests = new List<TileRequest>();
        foreach (var layer in layers)
        {
            var places = await PlacesAsync(snapshot, layer, set, cancellationToken).ConfigureAwait(false);
            foreach (var zoom in Zooms)
            {
                if (zoom >= set.TileMatrices.Count)
                    continue;
                var matrix = set.TileMatrices[zoom];
                foreach (var place in places)
                {
                    if (TileMath.TileRange(matrix, new Envelope(place)) is not { } range)
                        continue;
                    requests.Add(new TileRequest
                    {
                        Layer = layer,
                        StyleName = layer.DefaultStyle?.Name ?? "default",
                        TileMatrixSet = set,
                        TileMatrix = matrix,
                        Row = range.MinRow,
                        Col = range.MinCol,
                        Format = ImageFormat.Png,
                    });
                }
            }
        }
        return requests;
    }

    /// <summary>
    /// Where the layer has data, in the set's CRS: a point of the first feature of each of its first vector members
    /// (a group's leaves bottom to top), else the centre of its extent.
    /// </summary>
    private async Task<List<Coordinate>> PlacesAsync(CatalogSnapshot snapshot, LayerDefinition layer, TileMatrixSet set, CancellationToken cancellationToken)
    {
        var places = new List<Coordinate>();
        foreach (var member in snapshot.Expand(layer).Where(m => m.Kind == LayerKind.Vector))
        {
            if (places.Count == MaxPlacesPerLayer)
                break;
            try
            {
                var query = new FeatureQuery { Layer = member, Limit = 1, Properties = [], OutputSrid = set.Srid };
                await foreach (var feature in sources.For(member).QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    if (feature.Geometry is { IsEmpty: false } geometry && geometry.InteriorPoint?.Coordinate is { } point && !places.Contains(point))
                        places.Add(point);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Warm-up could not read a feature of {Layer}", member.Id);
            }
        }
        if (places.Count == 0 && Centre(layer, set) is { } centre)
            places.Add(centre);
        return places;
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
