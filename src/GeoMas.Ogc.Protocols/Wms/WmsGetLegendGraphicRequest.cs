using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>A validated GetLegendGraphic: an image legend, or the JSON description of the style when <see cref="Json"/>.</summary>
public sealed record WmsGetLegendGraphicRequest(LegendRequest Legend, bool Json);
