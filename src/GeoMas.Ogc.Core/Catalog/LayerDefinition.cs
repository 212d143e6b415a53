using GeoMas.Ogc.Core.Styling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Catalog;

public enum LayerKind { Vector, Raster, Group }

public enum GeometryKind { Point, Line, Polygon }

/// <summary>A named style of a layer: the SLD file it came from and its parsed model.</summary>
public sealed record LayerStyle(string Name, string Title, string Abstract, string FilePath, Style Model);

/// <summary>
/// One published layer, immutable. Vector layers name their table and columns explicitly
/// (MapServer's LAYER idea): identifiers come from here, never from requests.
/// </summary>
public sealed record LayerDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Abstract { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public LayerKind Kind { get; init; } = LayerKind.Vector;

    /// <summary>Source id (vector and raster layers).</summary>
    public string? SourceId { get; init; }
    /// <summary>Table name, optionally schema-qualified ("geomas.parcelles").</summary>
    public string? Table { get; init; }
    public string IdColumn { get; init; } = "id";
    public string GeometryColumn { get; init; } = "geom";
    public GeometryKind GeometryKind { get; init; } = GeometryKind.Polygon;
    /// <summary>Native SRID of the geometry column or raster.</summary>
    public int Srid { get; init; } = 2154;
    public IReadOnlyList<AttributeDefinition> Attributes { get; init; } = [];

    public IReadOnlyList<LayerStyle> Styles { get; init; } = [];
    public string? DefaultStyleName { get; init; }

    /// <summary>Extent in the native SRID (computed from the data when not configured).</summary>
    public Envelope Extent { get; init; } = new();
    /// <summary>Extent in longitude/latitude (x = lon, y = lat).</summary>
    public Envelope GeographicExtent { get; init; } = new();

    public double? MinScaleDenominator { get; init; }
    public double? MaxScaleDenominator { get; init; }
    public TimeDimension? Time { get; init; }
    public bool Queryable { get; init; } = true;
    public bool Opaque { get; init; }
    /// <summary>Raster layers: resampling onto the output grid, unless the style's RasterSymbolizer names one (default bilinear).</summary>
    public Rasters.RasterResampling? Resampling { get; init; }

    /// <summary>Member layer ids of a group, bottom to top.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>Tile cache policy (resolved against the <c>cache</c> section's defaults).</summary>
    public CachePolicy Cache { get; init; } = CachePolicy.Default;

    /// <summary>How numberMatched / hits are answered (vector layers): exact, estimated from statistics, or not at all.</summary>
    public Features.FeatureCountMode Count { get; init; } = Features.FeatureCountMode.Exact;

    /// <summary>
    /// Set only on the layers of a request's scoped catalog view (Security.CatalogViewBuilder) when the caller sees
    /// less than the whole layer: the territory features are clipped to, and the tile cache scope. Null = whole.
    /// </summary>
    public Security.AccessRestriction? Access { get; init; }

    public LayerStyle? DefaultStyle =>
        Styles.FirstOrDefault(s => s.Name == DefaultStyleName) ?? (Styles.Count > 0 ? Styles[0] : null);

    public LayerStyle? FindStyle(string? name) =>
        string.IsNullOrEmpty(name) || name.Equals("default", StringComparison.OrdinalIgnoreCase)
            ? DefaultStyle
            : Styles.FirstOrDefault(s => s.Name == name);

    public AttributeDefinition? FindAttribute(string name) =>
        Attributes.FirstOrDefault(a => a.Name == name);
}
