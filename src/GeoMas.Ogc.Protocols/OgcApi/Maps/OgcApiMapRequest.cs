using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>
/// A parsed <c>/collections/{id}/map</c> request: the map to draw, its CRS as asked (for <c>Content-Crs</c>), and the
/// value of <c>Content-Datetime</c> for a collection with a time dimension (null otherwise).
/// </summary>
public sealed record OgcApiMapRequest(MapRequest Map, CrsIdentifier Crs, string? ContentDatetime);
