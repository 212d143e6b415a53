using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// A validated GetFeature / GetPropertyValue: the layer, the feature query (filter, sort, properties, output SRID,
/// time; no paging), the page, the output format and CRS as the
/// client spelled it (<see cref="Count"/>: the page size). <see cref="FeatureById"/> is set for the GetFeatureById stored query (a bare feature answers).
/// </summary>
public sealed record WfsGetFeatureRequest
{
    public required string Version { get; init; }
    public required LayerDefinition Layer { get; init; }
    public required FeatureQuery Query { get; init; }
    /// <summary>
    /// Features per page: COUNT capped by <c>limits.maxFeaturesPerPage</c>; without COUNT, every feature up to
    /// <c>limits.maxFeaturesPerDownload</c> (the CountDefault: an export such as W8 gets a whole département at once).
    /// </summary>
    public int Count { get; init; }
    public long StartIndex { get; init; }
    public WfsResultType ResultType { get; init; }
    public required WfsOutputFormat Format { get; init; }

    /// <summary>The SRSNAME as sent (echoed verbatim in every srsName, WFS-Q5), or the layer's native CRS as a URN.</summary>
    public required CrsIdentifier OutputCrs { get; init; }

    /// <summary>Axis order of positions written in <see cref="OutputCrs"/> (TRAP-1, WFS-Q8).</summary>
    public AxisOrder OutputAxisOrder { get; init; } = AxisOrder.EastNorth;

    /// <summary>True when <see cref="OutputCrs"/> is in degrees (it sets how many decimals positions keep).</summary>
    public bool OutputIsGeographic { get; init; }

    /// <summary>Output attributes in application-schema order, aligned with the query's properties.</summary>
    public required IReadOnlyList<AttributeDefinition> Properties { get; init; }

    /// <summary>GetFeatureById: the row id (without the <c>typename.</c> prefix).</summary>
    public string? FeatureById { get; init; }

    /// <summary>GetPropertyValue: what to return for each feature.</summary>
    public WfsValueReference? ValueReference { get; init; }

    public bool IsV110 => Version == WfsVersion.V110;
}
