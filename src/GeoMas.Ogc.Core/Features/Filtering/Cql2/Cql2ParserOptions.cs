using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>How CQL2 text and JSON are read.</summary>
public sealed record Cql2ParserOptions
{
    public static Cql2ParserOptions Default { get; } = new();

    /// <summary>
    /// The OGC API <c>filter-crs</c>: CRS of geometry literals, whose axis order follows the OGC API rule
    /// (CRS84 = lon,lat; EPSG:4326 given as http URI = lat,lon). Default CRS84.
    /// </summary>
    public CrsIdentifier FilterCrs { get; init; } = CrsIdentifier.Crs84;

    /// <summary>Conformance classes the caller declares; anything else is a parse error.</summary>
    public Cql2Conformance Allowed { get; init; } = Cql2Conformance.All;

    /// <summary>
    /// Names that denote the layer's default geometry in spatial predicates (OGC API queryables publish it as
    /// "geometry"); they become <see cref="SpatialFilter.Property"/> = null. Other names are passed through.
    /// </summary>
    public IReadOnlySet<string> DefaultGeometryNames { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "geometry" };

    /// <summary>Longest accepted filter, in characters (a GET URL rarely exceeds 8 KB; POST bodies may hold polygons).</summary>
    public int MaxLength { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of parentheses / JSON objects accepted (keeps recursion far from the stack limit).</summary>
    public int MaxDepth { get; init; } = 100;
}
