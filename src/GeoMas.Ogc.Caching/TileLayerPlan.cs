using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching;

/// <summary>
/// What <see cref="TileService"/> derives from a tile layer alone, worked out once per (catalog snapshot, layer)
/// rather than for every tile request: the drawable members of a group, whether its PNG tiles are stored paletted,
/// whether any member has a time dimension, the members' tile limits per matrix. Keyed by the snapshot object, so a
/// reload or another access scope (its own catalog view) gets its own plans, and plans go when their snapshot is
/// collected.
/// </summary>
internal sealed class TileLayerPlan
{
    private static readonly ConditionalWeakTable<CatalogSnapshot, ConcurrentDictionary<LayerDefinition, TileLayerPlan>> Plans = [];

    private readonly ConcurrentDictionary<TileMatrixSet, Dictionary<string, TileMatrixLimits[]>> _memberLimits = new(ReferenceEqualityComparer.Instance);

    private TileLayerPlan(LayerDefinition layer, LayerDefinition[] members)
    {
        Members = members;
        PalettedFormat = PalettedPng(layer, members);
        HasTime = members.Any(m => m.Time is not null);
    }

    /// <summary>The layer itself, or a group's leaves bottom to top (<see cref="CatalogSnapshot.Expand"/>).</summary>
    public LayerDefinition[] Members { get; }

    /// <summary>The format "image/png" is stored in when paletted (see <see cref="TileService.WithStoredFormat"/>), else null.</summary>
    public ImageFormat? PalettedFormat { get; }

    public bool HasTime { get; }

    /// <summary>
    /// The limits of the members that have tiles in one matrix (none: no member has data there), worked out once per
    /// plan and tile matrix set. Every tile request asks whether its tile holds data; asking the shared limits cache
    /// for each member costs a keyed lookup, an extent comparison and a scan of the matrices, each time.
    /// </summary>
    public TileMatrixLimits[] MemberLimits(LayerTileLimitsCache limits, TileMatrixSet tms, string matrix)
    {
        if (!_memberLimits.TryGetValue(tms, out var byMatrix))
            byMatrix = _memberLimits.GetOrAdd(tms, MemberLimitsByMatrix(limits, tms));
        return byMatrix.TryGetValue(matrix, out var found) ? found : [];
    }

    private Dictionary<string, TileMatrixLimits[]> MemberLimitsByMatrix(LayerTileLimitsCache limits, TileMatrixSet tms) =>
        Members.SelectMany(member => limits.Get(member, tms))
            .GroupBy(l => l.TileMatrix, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public ImageFormat StoredFormat(ImageFormat asked) => asked == ImageFormat.Png && PalettedFormat is { } paletted ? paletted : asked;

    /// <summary>8-bit PNG with the layer's palette size when its "image/png" tiles are stored paletted, else null.</summary>
    public static ImageFormat? PalettedPng(LayerDefinition layer, IReadOnlyList<LayerDefinition> members)
    {
        if (!(layer.Cache.PalettedPng ?? members.All(m => m.Kind != LayerKind.Raster)))
            return null;
        var colours = layer.Cache.PaletteColours;
        return colours == ImageFormat.Png8.PaletteColours ? ImageFormat.Png8 : ImageFormat.Png8 with { PaletteColours = colours };
    }

    public static TileLayerPlan For(CatalogSnapshot snapshot, LayerDefinition layer)
    {
        var plans = Plans.GetValue(snapshot, static _ => new ConcurrentDictionary<LayerDefinition, TileLayerPlan>(ReferenceEqualityComparer.Instance));
        if (plans.TryGetValue(layer, out var plan))
            return plan;
        // Racing first requests may both build a plan; they are equal, and the first stored wins.
        return plans.GetOrAdd(layer, new TileLayerPlan(layer, [.. snapshot.Expand(layer)]));
    }
}
