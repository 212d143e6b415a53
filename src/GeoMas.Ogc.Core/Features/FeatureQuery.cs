using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features;

public enum SortDirection { Ascending, Descending }

public sealed record SortKey(string Property, SortDirection Direction = SortDirection.Ascending);

/// <summary>
/// A protocol-neutral feature question: which rows of a layer, which columns, in which order and CRS.
/// Sources compile it to parameterised SQL; property names are checked against <see cref="Layer"/> first.
/// </summary>
public sealed record FeatureQuery
{
    public required LayerDefinition Layer { get; init; }

    /// <summary>Spatial window in x/y order of <see cref="BboxSrid"/>; null = everywhere.</summary>
    public Envelope? Bbox { get; init; }
    public int BboxSrid { get; init; }

    public Filter? Filter { get; init; }

    /// <summary>Attribute names to return, in order; null = every published attribute.</summary>
    public IReadOnlyList<string>? Properties { get; init; }
    public bool IncludeGeometry { get; init; } = true;

    public int? Limit { get; init; }
    public long Offset { get; init; }

    /// <summary>
    /// Keyset paging: only rows whose id sorts after this one (the id of the last row of the previous page, as
    /// <see cref="Feature.Id"/> gave it). Valid with the default order only (no <see cref="SortBy"/> but the id
    /// ascending); counts ignore it. Each page then costs O(page) through the primary-key index, where OFFSET
    /// reads and drops every earlier row.
    /// </summary>
    public string? AfterId { get; init; }
    /// <summary>Sort keys; the source always closes the order with the id column so paging is stable.</summary>
    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    /// <summary>SRID of returned geometries; null = native.</summary>
    public int? OutputSrid { get; init; }

    /// <summary>
    /// The transform from the layer's SRID to <see cref="OutputSrid"/> when the caller has one fitted to its area
    /// (maps: an <see cref="InterpolatedCrsTransform"/> to a fraction of a pixel); null = the exact one.
    /// </summary>
    public ICrsTransform? OutputTransform { get; init; }

    /// <summary>The transform a source applies to the geometries it returns: null when they stay in the native SRID.</summary>
    public ICrsTransform? ResolveOutputTransform(CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (OutputSrid is not { } output)
            return null;
        if (OutputTransform is { } fitted)
        {
            if (fitted.SourceSrid != Layer.Srid || fitted.TargetSrid != output)
                throw new InvalidOperationException($"The query's output transform goes from EPSG:{fitted.SourceSrid} to EPSG:{fitted.TargetSrid}, not from the layer's EPSG:{Layer.Srid} to EPSG:{output}.");
            return fitted;
        }
        return crs.GetTransform(Layer.Srid, output);
    }

    /// <summary>Time selection on layers with a <see cref="TimeDimension"/>; null = in force today.</summary>
    public TimeSelection? Time { get; init; }

    /// <summary>Simplification tolerance in native units for maps at small scales (0 = none).</summary>
    public double SimplifyTolerance { get; init; }

    public IReadOnlyList<string> EffectiveProperties =>
        Properties ?? Layer.Attributes.Select(a => a.Name).ToArray();
}
