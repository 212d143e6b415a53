namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>
/// CQL2 conformance classes a filter may use (OGC 21-065 §2). The OGC API layer passes the classes it declares in
/// /conformance; a filter using anything else is refused (CQL-2: "reject with 400 unless declared").
/// Accent-insensitive comparison is never supported (the sources have no unaccent function everywhere).
/// </summary>
[Flags]
public enum Cql2Conformance
{
    None = 0,
    /// <summary>=, &lt;&gt;, &lt;, &gt;, &lt;=, &gt;=, IS [NOT] NULL, AND/OR/NOT, literals, DATE/TIMESTAMP.</summary>
    BasicCql2 = 1,
    /// <summary>LIKE, BETWEEN, IN.</summary>
    AdvancedComparison = 2,
    /// <summary>CASEI().</summary>
    CaseInsensitiveComparison = 4,
    /// <summary>S_INTERSECTS with POINT and BBOX literals.</summary>
    BasicSpatialFunctions = 8,
    /// <summary>S_INTERSECTS with every WKT / GeoJSON literal.</summary>
    BasicSpatialFunctionsPlus = 16,
    /// <summary>S_CONTAINS, S_WITHIN, S_DISJOINT, S_TOUCHES, S_CROSSES, S_OVERLAPS, S_EQUALS.</summary>
    SpatialFunctions = 32,
    /// <summary>T_AFTER, T_BEFORE, T_DURING, T_EQUALS, T_INTERSECTS, T_DISJOINT, T_CONTAINS, INTERVAL.</summary>
    TemporalFunctions = 64,
    /// <summary>A property on both sides of a predicate.</summary>
    PropertyProperty = 128,
    /// <summary>+ - * / in scalar expressions.</summary>
    Arithmetic = 256,
    /// <summary>upper, lower, length, concatenate.</summary>
    Functions = 512,

    /// <summary>Everything this parser implements.</summary>
    All = BasicCql2 | AdvancedComparison | CaseInsensitiveComparison | BasicSpatialFunctions | BasicSpatialFunctionsPlus
        | SpatialFunctions | TemporalFunctions | PropertyProperty | Arithmetic | Functions,
}
