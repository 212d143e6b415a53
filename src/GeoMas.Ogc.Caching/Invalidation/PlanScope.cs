using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>Which matrices an invalidation covers and with which margin (truncation by zoom range uses no margin).</summary>
public sealed record PlanScope(Func<TileMatrixSet, TileMatrix, bool>? Matrices = null, int? MarginPixels = null);
