using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Caching;

/// <summary>
/// "Give me this tile" for WMTS, XYZ and OGC API Tiles. In order: a tile outside the layer's data is the shared
/// blank tile (no query, no render); a cached tile is returned at once (never waiting for the render gate);
/// otherwise, by default (<see cref="MetatileMissRender.Tile"/>), the labels of the tile's metatile are placed once
/// (concurrent requests for any of its tiles share that placement, later ones reuse it) and only the asked tile is
/// drawn, with those labels, and stored. With <see cref="MetatileMissRender.Metatile"/>, and always when seeding,
/// the whole metatile is rendered once, cut, and every tile of it stored.
/// </summary>
/// <remarks>
/// Either way a label crossing a tile edge inside a metatile is placed once for the metatile and drawn at the same
/// pixels on both sides; across metatile edges the buffer lets both sides draw a label that straddles the seam at
/// the same place. Symbols need no such care: each render queries a margin as wide as the largest symbol.
/// </remarks>
public sealed class TileService : ITileService
{
    private readonly ICatalogProvider _catalog;
    private readonly ITileCache _cache;
    private readonly ILayerRevisions _revisions;
    private readonly IMapRenderer _renderer;
    private readonly IImageCutter _cutter;
    private readonly RenderGate _gate;
    private readonly LayerTileLimitsCache _limits;
    private readonly BlankTiles _blanks;
    private readonly MetatileOptions _options;
    private readonly CachingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SingleFlight<TileKey, TileContent[]> _metatiles = new();
    private readonly MetatileLabelCache _labels;
    private DayKey? _currentTimeKey;

    public TileService(
        ICatalogProvider catalog, ITileCache cache, ILayerRevisions revisions, IMapRenderer renderer, IImageCutter cutter,
        RenderGate gate, LayerTileLimitsCache limits, MetatileOptions options, CachingMetrics metrics,
        TimeProvider? time = null, ILogger<TileService>? logger = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _revisions = revisions ?? throw new ArgumentNullException(nameof(revisions));
        _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        _cutter = cutter ?? throw new ArgumentNullException(nameof(cutter));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _blanks = new BlankTiles(renderer);
        _labels = new MetatileLabelCache(options.LabelCacheBytes);
        // Labels placed from data that has since changed must go with the tiles invalidation drops.
        if (cache is TieredTileCache tiered)
        {
            tiered.Memory.PositionsRemoved += _labels.RemovePositions;
            tiered.Memory.Cleared += _labels.Clear;
        }
    }

    /// <summary>The labels placed over recently missed metatiles.</summary>
    public MetatileLabelCache Labels => _labels;

    public Task<TileContent> GetTileAsync(TileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matrix = request.TileMatrix;
        if (!TileMath.Contains(matrix, request.Row, request.Col))
        {
            throw new ArgumentOutOfRangeException(nameof(request), string.Create(CultureInfo.InvariantCulture,
                $"Tile ({request.Row}, {request.Col}) is outside matrix {matrix.Id} ({matrix.MatrixHeight}×{matrix.MatrixWidth})."));
        }
        request = AsStored(request, out var plan);
        var members = plan.Members;
        if (!HasData(plan, request))
            return Task.FromResult(_blanks.Get(request.Format, matrix.TileWidth, matrix.TileHeight));

        var key = KeyFor(request, plan);
        if (!request.Layer.Cache.Enabled)
            return RenderAloneAsync(request, members, null, cancellationToken);
        if (request.WholeMetatile)
            return SeedMetatileAsync(request, members, key, cancellationToken);
        // A tile held in memory is the common case by far: answered here, without building the render callback.
        if (_cache is TieredTileCache tiered && tiered.TryGetLocal(key, out var held))
            return Task.FromResult(held);
        return _cache.GetOrCreateAsync(key, token => RenderOnMissAsync(request, members, key, token), cancellationToken);
    }

    /// <summary>
    /// The tile if this process holds it in memory, under exactly the key <see cref="GetTileAsync"/> looks up (same
    /// stored format, scope, time key and revision), without waiting, querying or rendering. False for a miss, a
    /// tile outside the matrix or the layer's data (a blank), a layer that is not cached, or a cache without a memory
    /// tier. For the front-of-pipeline cached-tile path; everything it declines goes through <see cref="GetTileAsync"/>.
    /// With <paramref name="mayCompact"/> false, the hit that would compact the tile in memory is declined too
    /// (<see cref="TieredTileCache.TryGetLocalWithoutCompacting"/>), for a caller on a thread that must stay quick.
    /// </summary>
    public bool TryGetCached(TileRequest request, out TileContent content, bool mayCompact = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        content = null!;
        if (_cache is not TieredTileCache tiered || !request.Layer.Cache.Enabled || !TileMath.Contains(request.TileMatrix, request.Row, request.Col))
            return false;
        request = AsStored(request, out var plan);
        if (!HasData(plan, request))
            return false;
        var key = KeyFor(request, plan);
        return mayCompact ? tiered.TryGetLocal(key, out content) : tiered.TryGetLocalWithoutCompacting(key, out content);
    }

    /// <summary>The request in the format its tiles are stored in (<see cref="TileLayerPlan.StoredFormat"/>), with the layer's plan.</summary>
    private TileRequest AsStored(TileRequest request, out TileLayerPlan plan)
    {
        plan = TileLayerPlan.For(_catalog.Current, request.Layer);
        var format = plan.StoredFormat(request.Format);
        return ReferenceEquals(format, request.Format) ? request : request with { Format = format };
    }

    /// <summary>
    /// Renders the tile as a miss would — its metatile's labels placed, the tile drawn, cut and encoded — and keeps
    /// nothing (neither the tile nor the labels). For the start-up warm-up, which compiles and loads the whole miss
    /// path (code, fonts, styles, connections) before the first requests need it. False when the tile holds no data.
    /// </summary>
    public async Task<bool> WarmUpAsync(TileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TileMath.Contains(request.TileMatrix, request.Row, request.Col))
            return false;
        request = AsStored(request, out var plan);
        var members = plan.Members;
        if (!HasData(plan, request))
            return false;
        var metatile = MetatileOf(request, members);
        var labels = metatile.Rows * metatile.Columns > 1
            ? await PlaceLabelsAsync(request, members, metatile, cancellationToken).ConfigureAwait(false)
            : null;
        await RenderAloneAsync(request, members, labels, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// "image/png" tiles are stored and sent 8-bit paletted unless the layer says otherwise: for vector maps that is
    /// about a third of the bytes of RGBA PNG with no visible difference (MapProxy's default too), and bytes are what
    /// a cached tile costs to send. The palette holds the layer's <see cref="CachePolicy.PaletteColours"/>.
    /// Photographs keep full colour: in 256 colours they band.
    /// </summary>
    public static TileRequest WithStoredFormat(TileRequest request, IReadOnlyList<LayerDefinition> members)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Format != ImageFormat.Png)
            return request;
        return TileLayerPlan.PalettedPng(request.Layer, members) is { } paletted ? request with { Format = paletted } : request;
    }

    /// <summary>Everything that changes the bytes of this tile (STYLE.md §8.4).</summary>
    public TileKey KeyFor(TileRequest request, IReadOnlyList<LayerDefinition> members)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(members);
        return Key(request, members, members.Any(m => m.Time is not null));
    }

    private TileKey KeyFor(TileRequest request, TileLayerPlan plan) => Key(request, plan.Members, plan.HasTime);

    private TileKey Key(TileRequest request, IReadOnlyList<LayerDefinition> members, bool hasTime) => new(
        request.Layer.Id,
        request.StyleName,
        request.TileMatrixSet.Id,
        request.TileMatrix.Id,
        request.Row,
        request.Col,
        request.Format.MimeType,
        hasTime ? TimeKey(request.Time) : "",
        request.Scope,
        Revision(request.Layer, members));

    private bool HasData(TileLayerPlan plan, TileRequest request)
    {
        foreach (var limits in plan.MemberLimits(_limits, request.TileMatrixSet, request.TileMatrix.Id))
        {
            if (limits.Contains(request.Row, request.Col))
                return true;
        }
        return false;
    }

    /// <summary>The tiles holding data of any member; a metatile never reaches beyond them.</summary>
    private TileMatrixLimits? DataLimits(IReadOnlyList<LayerDefinition> members, TileRequest request)
    {
        TileMatrixLimits? union = null;
        foreach (var member in members)
        {
            if (_limits.Get(member, request.TileMatrixSet, request.TileMatrix.Id) is not { } l)
                continue;
            union = union is null ? l : new TileMatrixLimits(l.TileMatrix,
                Math.Min(union.MinTileRow, l.MinTileRow), Math.Max(union.MaxTileRow, l.MaxTileRow),
                Math.Min(union.MinTileCol, l.MinTileCol), Math.Max(union.MaxTileCol, l.MaxTileCol));
        }
        return union;
    }

    private Task<TileContent> RenderOnMissAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, TileKey key, CancellationToken cancellationToken)
    {
        if (_options.OnMiss == MetatileMissRender.Tile && _options.Size > 1)
        {
            var metatile = MetatileOf(request, members);
            if (metatile.Rows * metatile.Columns > 1)
                return RenderTileWithMetatileLabelsAsync(request, members, metatile, key, cancellationToken);
        }
        return RenderThroughMetatileAsync(request, members, key, cancellationToken);
    }

    /// <summary>The asked tile alone, drawn with the labels placed over its whole metatile (placed now or earlier).</summary>
    private async Task<TileContent> RenderTileWithMetatileLabelsAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, Metatile metatile, TileKey key, CancellationToken cancellationToken)
    {
        var labels = await _labels.GetOrPlaceAsync(metatile.KeyOf(key), () => Array.ConvertAll(metatile.TileKeys(key), k => k.Position),
            token => PlaceLabelsAsync(request, members, metatile, token), cancellationToken).ConfigureAwait(false);
        // A renderer that cannot place labels apart from drawing: the whole metatile, as before.
        if (labels is null)
            return await RenderThroughMetatileAsync(request, members, key, cancellationToken).ConfigureAwait(false);
        return await RenderAloneAsync(request, members, labels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The asked tile drawn on its own: with labels placed over its metatile and no buffer (symbols need none, the
    /// query has a margin), or without them and with the metatile buffer, so labels near its edges are drawn whole.
    /// </summary>
    private async Task<TileContent> RenderAloneAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, PlacedLabels? labels, CancellationToken cancellationToken)
    {
        var tile = Metatile.Single(request.TileMatrix, request.Row, request.Col);
        var tiles = await RenderAndCutAsync(request, members, tile, labels is null ? _options.Buffer : 0, labels, cancellationToken).ConfigureAwait(false);
        return tiles[0];
    }

    private Metatile MetatileOf(TileRequest request, IReadOnlyList<LayerDefinition> members) =>
        Metatile.For(request.TileMatrix, DataLimits(members, request), request.Row, request.Col, _options.Size);

    /// <summary>The metatile's labels, placed through the render gate (the label pass is a render: it queries and lays out text).</summary>
    private async Task<PlacedLabels?> PlaceLabelsAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, Metatile metatile, CancellationToken cancellationToken)
    {
        PlacedLabels? labels = null;
        var map = MapFor(request, members, metatile, _options.Buffer, null);
        var started = Stopwatch.GetTimestamp();
        await _gate.RunAsync(async token => labels = await _renderer.PlaceLabelsAsync(map, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Placed {Count} labels over metatile {Layer} {Tms}/{Matrix}/{Row}/{Col} ({Rows}×{Columns}) in {Milliseconds:0.0} ms",
            labels?.Count, request.Layer.Id, request.TileMatrixSet.Id, request.TileMatrix.Id, metatile.Row, metatile.Col, metatile.Rows, metatile.Columns,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return labels;
    }

    /// <summary>
    /// Seeding: makes sure every tile of the asked tile's metatile is cached, rendering the whole metatile (one
    /// render for all its tiles) unless all of them already are; returns the asked tile.
    /// </summary>
    private async Task<TileContent> SeedMetatileAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, TileKey key, CancellationToken cancellationToken)
    {
        var metatile = MetatileOf(request, members);
        if (await AllCachedAsync(metatile, key, cancellationToken).ConfigureAwait(false) is { } cached)
            return cached[metatile.IndexOf(request.Row, request.Col)];
        var tiles = await _metatiles.RunAsync(metatile.KeyOf(key), token => RenderMetatileAsync(request, members, metatile, key, token), cancellationToken).ConfigureAwait(false);
        return tiles[metatile.IndexOf(request.Row, request.Col)];
    }

    /// <summary>Every tile of the metatile from memory or the shared store, or null at the first one missing.</summary>
    private async Task<TileContent[]?> AllCachedAsync(Metatile metatile, TileKey key, CancellationToken cancellationToken)
    {
        if (TryAllFromMemory(metatile, key) is { } local)
            return local;
        if (_cache is not TieredTileCache { Shared: { } shared })
            return null;
        var keys = metatile.TileKeys(key);
        var tiles = new TileContent[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (await shared.GetAsync(keys[i], cancellationToken).ConfigureAwait(false) is not { } found)
                return null;
            tiles[i] = found;
        }
        return tiles;
    }

    private async Task<TileContent> RenderThroughMetatileAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, TileKey key, CancellationToken cancellationToken)
    {
        var metatile = MetatileOf(request, members);
        var tiles = await _metatiles.RunAsync(metatile.KeyOf(key), token => RenderMetatileAsync(request, members, metatile, key, token), cancellationToken).ConfigureAwait(false);
        return tiles[metatile.IndexOf(request.Row, request.Col)];
    }

    private async Task<TileContent[]> RenderMetatileAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, Metatile metatile, TileKey key, CancellationToken cancellationToken)
    {
        // A request that missed the cache just before the previous flight of this metatile stored its tiles and
        // ended starts a new flight here: the tiles are in memory by now, so it must not render them again.
        if (TryAllFromMemory(metatile, key) is { } stored)
            return stored;
        // Labels already placed for tiles of this metatile rendered alone: the rest must show the same ones.
        var labels = _labels.TryGet(metatile.KeyOf(key));
        var tiles = await RenderAndCutAsync(request, members, metatile, _options.Buffer, labels, cancellationToken).ConfigureAwait(false);
        var keys = metatile.TileKeys(key);
        var entries = new List<(TileKey, TileContent)>(tiles.Length);
        for (var i = 0; i < tiles.Length; i++)
            entries.Add((keys[i], tiles[i]));
        // Not cancellable: the tiles are rendered, storing them is cheap and spares the next requests a render.
        await _cache.SetManyAsync(entries, CancellationToken.None).ConfigureAwait(false);
        return tiles;
    }

    private TileContent[]? TryAllFromMemory(Metatile metatile, TileKey key)
    {
        if (_cache is not TieredTileCache tiered)
            return null;
        var keys = metatile.TileKeys(key);
        var tiles = new TileContent[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (!tiered.TryPeekLocal(keys[i], out tiles[i]))
                return null;
        }
        return tiles;
    }

    private static MapRequest MapFor(TileRequest request, IReadOnlyList<LayerDefinition> members, Metatile metatile, int buffer, PlacedLabels? labels) => new()
    {
        Bbox = metatile.Bounds,
        Srid = request.TileMatrixSet.Srid,
        Width = metatile.PixelWidth,
        Height = metatile.PixelHeight,
        Layers = DrawnLayers(request, members),
        // Always RGBA: tiles without alpha (JPEG) are flattened onto white when cut, and transparency is what
        // tells the cutter that a tile is blank. Raw pixels, not PNG: the cutter would only decode it again.
        Format = ImageFormat.RawRgba,
        Transparent = true,
        Background = RgbaColor.White,
        Time = request.Time,
        Buffer = buffer,
        Labels = labels,
    };

    /// <summary>Renders the metatile as one uncut RGBA image through the render gate, then cuts and encodes its tiles.</summary>
    /// <param name="buffer">Pixels drawn around it; none when <paramref name="labels"/> come placed (symbols need no buffer: the query has a margin).</param>
    private async Task<TileContent[]> RenderAndCutAsync(TileRequest request, IReadOnlyList<LayerDefinition> members, Metatile metatile, int buffer, PlacedLabels? labels, CancellationToken cancellationToken)
    {
        var map = MapFor(request, members, metatile, buffer, labels);
        TileContent[]? result = null;
        var started = Stopwatch.GetTimestamp();
        await _gate.RunAsync(async token =>
        {
            // The raw image has a known size: a pooled buffer of exactly that, instead of a growing stream whose
            // every doubling past 85 KB lands in the large object heap (and ends in a full GC).
            var length = ImageFormat.RawRgbaLength(metatile.PixelWidth, metatile.PixelHeight);
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                using var image = new MemoryStream(buffer, 0, buffer.Length, writable: true, publiclyVisible: true);
                await _renderer.RenderAsync(map, image, token).ConfigureAwait(false);
                token.ThrowIfCancellationRequested();
                var cut = _cutter.Cut(buffer.AsMemory(0, (int)image.Position), metatile.Columns, metatile.Rows,
                    request.TileMatrix.TileWidth, request.TileMatrix.TileHeight, request.Format, RgbaColor.White);
                result = new TileContent[cut.Count];
                for (var i = 0; i < cut.Count; i++)
                    result[i] = new TileContent(cut[i].Bytes, request.Format.ContentType, TileEtag.Compute(cut[i].Bytes), cut[i].IsEmpty);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _metrics.Rendered(elapsed);
        _logger.LogDebug("Rendered metatile {Layer} {Tms}/{Matrix}/{Row}/{Col} ({Rows}×{Columns}) in {Milliseconds:0} ms",
            request.Layer.Id, request.TileMatrixSet.Id, request.TileMatrix.Id, metatile.Row, metatile.Col, metatile.Rows, metatile.Columns, elapsed);
        return result!;
    }

    /// <summary>A group is drawn with each member's default style (as WMS draws groups); a layer with the asked style.</summary>
    private static IReadOnlyList<MapLayer> DrawnLayers(TileRequest request, IReadOnlyList<LayerDefinition> members) =>
        request.Layer.Kind == LayerKind.Group
            ? members.Select(m => new MapLayer(m, m.DefaultStyle)).ToList()
            : [new MapLayer(request.Layer, request.Layer.FindStyle(request.StyleName))];

    /// <summary>
    /// A group's revision moves when any member's does. Multiplying by an odd constant before adding keeps
    /// "member A +1" and "member B +1" apart.
    /// </summary>
    private long Revision(LayerDefinition layer, IReadOnlyList<LayerDefinition> members)
    {
        if (layer.Kind != LayerKind.Group)
            return _revisions.Current(layer.Id);
        unchecked
        {
            long combined = 17;
            // Indexed, not foreach: on the interface that would allocate an enumerator for every tile looked up.
            for (var i = 0; i < members.Count; i++)
                combined = (combined * 1_000_003) + _revisions.Current(members[i].Id);
            return combined & long.MaxValue;
        }
    }

    /// <summary>
    /// The time part of the key on time-enabled layers. "In force today" is a different picture every day, so it
    /// keys on today's date; explicit instants and intervals key on themselves.
    /// </summary>
    private string TimeKey(TimeSelection? time)
    {
        if (time is null || time.IsCurrent)
            return CurrentTimeKey();
        return string.Join(",", time.Ranges.Select(r => Instant(r.Start) + "/" + Instant(r.End)));
    }

    /// <summary>"current@yyyy-MM-dd", formatted once a day rather than once per tile.</summary>
    private string CurrentTimeKey()
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var memo = Volatile.Read(ref _currentTimeKey);
        if (memo is null || memo.Day != today)
        {
            memo = new DayKey(today, "current@" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Volatile.Write(ref _currentTimeKey, memo);
        }
        return memo.Key;
    }

    private sealed record DayKey(DateOnly Day, string Key);

    private static string Instant(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "..";
}
