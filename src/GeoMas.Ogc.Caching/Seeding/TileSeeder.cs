using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>
/// Fills the cache ahead of users: for each layer and zoom, every metatile block meeting the area is asked for
/// through <see cref="ITileService"/> as a whole-metatile request (<see cref="TileRequest.WholeMetatile"/>), so one
/// render fills the whole metatile (16 tiles at 4×4) in every tier, with the same keys users will ask for, and a
/// block whose tiles are all cached already is skipped. Blocks run <see cref="SeedJob.Concurrency"/> at a
/// time (the render gate still bounds the renders). Progress is saved every few seconds in a resume file, so an
/// interrupted seed goes on where it stopped.
/// </summary>
public sealed class TileSeeder
{
    private readonly ICatalogProvider _catalog;
    private readonly TileMatrixSetCatalog _sets;
    private readonly CrsRegistry _crs;
    private readonly ITileService _tiles;
    private readonly MetatileOptions _metatiles;

    public TileSeeder(ICatalogProvider catalog, TileMatrixSetCatalog sets, CrsRegistry crs, ITileService tiles, MetatileOptions metatiles)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _sets = sets ?? throw new ArgumentNullException(nameof(sets));
        _crs = crs ?? throw new ArgumentNullException(nameof(crs));
        _tiles = tiles ?? throw new ArgumentNullException(nameof(tiles));
        _metatiles = metatiles ?? throw new ArgumentNullException(nameof(metatiles));
    }

    /// <summary>Validates the job and lists its steps (layer × zoom) with their blocks' tile counts.</summary>
    public IReadOnlyList<SeedStep> Plan(SeedJob job)
    {
        var snapshot = _catalog.Current;
        var set = _sets.Find(job.TileMatrixSet) ?? throw new ArgumentException($"unknown tile matrix set '{job.TileMatrixSet}'.");
        if (job.MinZoom < 0 || job.MaxZoom >= set.TileMatrices.Count || job.MinZoom > job.MaxZoom)
            throw new ArgumentException($"zooms {job.MinZoom}-{job.MaxZoom} are not within 0-{set.TileMatrices.Count - 1} of {set.Id}.");
        _ = ImageFormat.Find(job.Format) ?? throw new ArgumentException($"unknown format '{job.Format}'.");
        var steps = new List<SeedStep>();
        foreach (var id in job.Layers)
        {
            var layer = snapshot.FindLayer(id) ?? throw new ArgumentException($"unknown layer '{id}'.");
            if (layer.FindStyle(job.Style) is null && layer.Kind != LayerKind.Group)
                throw new ArgumentException($"layer '{id}' has no style '{job.Style}'.");
            var area = AreaOf(job, layer, snapshot, set);
            for (var z = job.MinZoom; z <= job.MaxZoom; z++)
            {
                var matrix = set.TileMatrices[z];
                long tiles = 0, blocks = 0;
                foreach (var block in SeedPlanner.Blocks(matrix, area, _metatiles.Size))
                {
                    tiles += block.TileCount;
                    blocks++;
                }
                steps.Add(new SeedStep(layer, set, matrix, area, blocks, tiles));
            }
        }
        return steps;
    }

    /// <param name="observe">Handed the progress once the job is planned (the admin endpoint reports it).</param>
    public async Task<SeedResult> RunAsync(
        SeedJob job, SeedState state, TextWriter progressOutput, bool interactive, CancellationToken cancellationToken, Action<SeedProgress>? observe = null)
    {
        // Seeding renders in the background lane: never more render slots than the bulk lane's, never refused.
        RenderLane.Current = RenderPriority.Background;
        var steps = Plan(job);
        var format = ImageFormat.Find(job.Format)!;
        var progress = new SeedProgress(progressOutput, interactive, steps.Sum(s => s.Tiles));
        observe?.Invoke(progress);
        using var saver = new Timer(_ => state.Save(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        try
        {
            await RunStepsAsync(job, steps, format, state, progress, progressOutput, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Also when interrupted: the next run resumes from here.
            state.Save();
        }
        progress.Finish();
        return new SeedResult(progress.Total, progress.Metatiles, progress.Failed, progress.Elapsed, progress.Rate);
    }

    private async Task RunStepsAsync(SeedJob job, IReadOnlyList<SeedStep> steps, ImageFormat format, SeedState state, SeedProgress progress, TextWriter progressOutput, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            var key = $"{step.Layer.Id}|{step.Set.Id}|{step.Matrix.Id}";
            var resumeAt = state.Done(key);
            var blocks = SeedPlanner.Blocks(step.Matrix, step.Area, _metatiles.Size).Select((b, i) => (Block: b, Index: (long)i));
            var watermark = new Watermark(resumeAt);
            foreach (var (block, _) in blocks.Take((int)Math.Min(resumeAt, int.MaxValue)))
                progress.Resumed(block.TileCount);
            await Parallel.ForEachAsync(blocks.Skip((int)Math.Min(resumeAt, int.MaxValue)),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, job.Concurrency), CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    try
                    {
                        await _tiles.GetTileAsync(new TileRequest
                        {
                            Layer = step.Layer,
                            StyleName = job.Style,
                            TileMatrixSet = step.Set,
                            TileMatrix = step.Matrix,
                            Row = item.Block.Row,
                            Col = item.Block.Col,
                            Format = format,
                            WholeMetatile = true,
                        }, token).ConfigureAwait(false);
                        progress.MetatileDone();
                        state.Set(key, watermark.Complete(item.Index));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The watermark stops before a failed block: a resumed run tries it again.
                        progress.MetatileFailed();
                        await progressOutput.WriteLineAsync($"\nseed: {key} block at row {item.Block.Row} col {item.Block.Col} failed: {ex.Message}").ConfigureAwait(false);
                    }
                    progress.Add(item.Block.TileCount);
                }).ConfigureAwait(false);
            state.Save();
        }
    }

    private Geometry AreaOf(SeedJob job, LayerDefinition layer, CatalogSnapshot snapshot, TileMatrixSet set)
    {
        if (job.Area is { } area)
            return SeedPlanner.AreaIn(area.Geometry, area.Srid, set, _crs);
        // No area: the layer's data (a group: the union of its members' extents).
        var extent = new Envelope();
        var srid = layer.Srid;
        foreach (var member in snapshot.Expand(layer))
        {
            var e = member.Srid == srid ? member.Extent : _crs.GetTransform(member.Srid, srid).TransformEnvelope(member.Extent);
            extent.ExpandToInclude(e);
        }
        return SeedPlanner.AreaIn(SeedArea.FromBox(extent, srid).Geometry, srid, set, _crs);
    }

    /// <summary>The count of blocks done without a gap, from completions arriving in any order.</summary>
    private sealed class Watermark(long start)
    {
        private readonly SortedSet<long> _ahead = [];
        private long _next = start;

        public long Complete(long index)
        {
            lock (_ahead)
            {
                _ahead.Add(index);
                while (_ahead.Remove(_next))
                    _next++;
                return _next;
            }
        }
    }
}
