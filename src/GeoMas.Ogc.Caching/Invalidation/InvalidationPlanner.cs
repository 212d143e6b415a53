using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// Turns a changed area of a layer into the tile positions to drop, in every tile matrix set and every matrix: the
/// area is transformed into the set's CRS, grown by <see cref="InvalidationOptions.MarginPixels"/> at each matrix's
/// cell size (coarse matrices get a wide margin, fine ones a narrow one), and covered by tiles. Groups containing the
/// layer draw it too, so their positions are dropped as well. A change too large to list (a whole-layer reload, a
/// commune-wide update seen at z22) becomes a revision bump of the layer, which reaches its groups through their
/// combined revision (see <c>TileService</c>).
/// </summary>
public sealed class InvalidationPlanner
{
    private readonly TileMatrixSetCatalog _sets;
    private readonly CrsRegistry _crs;
    private readonly InvalidationOptions _options;

    public InvalidationPlanner(TileMatrixSetCatalog sets, CrsRegistry crs, InvalidationOptions options)
    {
        _sets = sets ?? throw new ArgumentNullException(nameof(sets));
        _crs = crs ?? throw new ArgumentNullException(nameof(crs));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <param name="scope">Restricts matrices or changes the margin (truncation); null = every matrix, configured margin.</param>
    public InvalidationPlan Plan(CatalogSnapshot catalog, IEnumerable<LayerDirt> dirt, PlanScope? scope = null)
    {
        scope ??= new PlanScope();
        var positions = new OrderedPositions();
        var bumps = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in dirt)
        {
            if (catalog.FindLayer(item.LayerId) is not { } layer)
                continue;
            if (item.IsWholeLayer || !TryAddPositions(catalog, layer, item.Areas!, scope, positions))
                bumps.Add(layer.Id);
        }
        return bumps.Count == 0 && positions.Count == 0 ? InvalidationPlan.Empty : new InvalidationPlan(positions.List, [.. bumps]);
    }

    /// <summary>The layer and every group that draws it (directly or through nested groups).</summary>
    public static IReadOnlyList<string> DrawnBy(CatalogSnapshot catalog, LayerDefinition layer) =>
        [layer.Id, .. catalog.Layers.Where(g => g.Kind == LayerKind.Group && catalog.Expand(g).Any(m => m.Id == layer.Id)).Select(g => g.Id)];

    /// <summary>False when the positions would be more than <see cref="InvalidationOptions.MaxPositions"/> (then nothing is added).</summary>
    private bool TryAddPositions(CatalogSnapshot catalog, LayerDefinition layer, IReadOnlyList<Envelope> areas, PlanScope scope, OrderedPositions positions)
    {
        var targets = DrawnBy(catalog, layer);
        var projected = new List<(TileMatrixSet Set, Envelope Area)>();
        foreach (var set in _sets.All)
        {
            foreach (var area in areas)
            {
                Envelope transformed;
                try
                {
                    transformed = _crs.GetTransform(layer.Srid, set.Srid).TransformEnvelope(area);
                }
                catch (Exception ex) when (ex is UnsupportedCrsException or ArgumentException or InvalidOperationException)
                {
                    return false; // cannot tell where it lands: invalidate everything of the layer
                }
                if (!transformed.IsNull)
                    projected.Add((set, transformed)); // else outside the set's area of use: no tile of this set draws it
            }
        }

        // Coarse levels of every set first: they are the tiles most viewed, and a long purge reaches them first.
        var found = new List<string>();
        long budget = _options.MaxPositions;
        var levels = _sets.All.Count == 0 ? 0 : _sets.All.Max(s => s.TileMatrices.Count);
        for (var level = 0; level < levels; level++)
        {
            foreach (var (set, area) in projected)
            {
                if (level >= set.TileMatrices.Count)
                    continue;
                var matrix = set.TileMatrices[level];
                if (scope.Matrices is { } include && !include(set, matrix))
                    continue;
                var margin = (scope.MarginPixels ?? _options.MarginPixels) * matrix.CellSize;
                var grown = new Envelope(area.MinX - margin, area.MaxX + margin, area.MinY - margin, area.MaxY + margin);
                if (TileMath.TileRange(matrix, grown) is not var (minRow, maxRow, minCol, maxCol))
                    continue;
                budget -= (maxRow - minRow + 1) * (maxCol - minCol + 1) * targets.Count;
                if (budget < 0)
                    return false;
                for (var row = minRow; row <= maxRow; row++)
                {
                    for (var col = minCol; col <= maxCol; col++)
                    {
                        foreach (var target in targets)
                            found.Add(Position(target, set.Id, matrix.Id, row, col));
                    }
                }
            }
        }
        foreach (var position in found)
            positions.Add(position);
        return true;
    }

    /// <summary>The same text as <c>TileKey.Position</c>.</summary>
    public static string Position(string layer, string tms, string matrix, long row, long col) =>
        string.Create(CultureInfo.InvariantCulture, $"{layer}/{tms}/{matrix}/{row}/{col}");

    /// <summary>Positions without duplicates, in the order they were planned (coarse first).</summary>
    private sealed class OrderedPositions
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> List { get; } = [];

        public int Count => List.Count;

        public void Add(string position)
        {
            if (_seen.Add(position))
                List.Add(position);
        }
    }
}
