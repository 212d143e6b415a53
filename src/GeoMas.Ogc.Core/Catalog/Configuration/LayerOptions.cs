namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// One published layer. Vector layers spell out their table and columns (MapServer's lesson: nothing is guessed,
/// and only these identifiers ever reach SQL). <c>kind</c>: <c>vector</c> (default), <c>raster</c> or <c>group</c>.
/// </summary>
public sealed class LayerOptions
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Abstract { get; set; }
    public List<string> Keywords { get; set; } = [];
    public string? Kind { get; set; }

    public string? Source { get; set; }
    public string? Table { get; set; }
    public string? IdColumn { get; set; }
    public string? GeometryColumn { get; set; }
    /// <summary><c>point</c>, <c>line</c> or <c>polygon</c> (multi-geometries included).</summary>
    public string? GeometryType { get; set; }
    public int? Srid { get; set; }
    public List<AttributeOptions> Attributes { get; set; } = [];

    public List<StyleReferenceOptions> Styles { get; set; } = [];
    /// <summary>Name of the default style; the first style when omitted.</summary>
    public string? DefaultStyle { get; set; }

    public double? MinScaleDenominator { get; set; }
    public double? MaxScaleDenominator { get; set; }
    public TimeOptions? Time { get; set; }
    public bool? Queryable { get; set; }
    public bool Opaque { get; set; }
    /// <summary>Raster layers: <c>nearest</c>, <c>bilinear</c> (default) or <c>cubic</c>.</summary>
    public string? Resampling { get; set; }

    /// <summary>Group members, bottom to top.</summary>
    public List<string> Children { get; set; } = [];

    /// <summary>[minx, miny, maxx, maxy] in the native SRID; computed from the data at start when omitted.</summary>
    public List<double> Extent { get; set; } = [];

    /// <summary>Tile cache policy of this layer; the <c>cache</c> section's defaults when omitted.</summary>
    public LayerCacheOptions? Cache { get; set; }

    /// <summary>Vector layers: <c>exact</c> (default), <c>estimated</c> (database statistics) or <c>none</c> — how numberMatched is answered.</summary>
    public string? Count { get; set; }
}

/// <summary>A published column; <c>type</c>: string, integer, long, double, boolean, date, dateTime.</summary>
public sealed class AttributeOptions
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Title { get; set; }
}

/// <summary>A style file (SLD 1.0 / SE 1.1); every UserStyle of it is published, or only <see cref="Name"/> when given.</summary>
public sealed class StyleReferenceOptions
{
    public string? File { get; set; }
    public string? Name { get; set; }
}

/// <summary>Validity history columns: a row is in force on day d when start &lt;= d &lt; end (end NULL = still in force).</summary>
public sealed class TimeOptions
{
    public string? Start { get; set; }
    public string? End { get; set; }
}
