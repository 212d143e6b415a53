using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// The map part shared by GetMap and GetFeatureInfo, validated: layers (groups expanded, bottom to top) with
/// their styles, the CRS, the bbox in x/y order, the size and the time.
/// </summary>
public sealed record WmsMapView
{
    public required IReadOnlyList<LayerDefinition> RequestedLayers { get; init; }
    public required IReadOnlyList<MapLayer> Layers { get; init; }
    public required CrsIdentifier Crs { get; init; }
    /// <summary>x/y (east/north, lon/lat) order, whatever the wire order was.</summary>
    public required Envelope Bbox { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    /// <summary>null = in force today (TIME absent or current).</summary>
    public TimeSelection? Time { get; init; }
    /// <summary>Set when a time-enabled layer was asked without TIME: the default value used (WMS-D2 Warning).</summary>
    public string? DefaultTimeUsed { get; init; }
}
