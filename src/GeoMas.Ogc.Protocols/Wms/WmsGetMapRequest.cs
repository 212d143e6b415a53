using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>A validated GetMap: the protocol-neutral <see cref="MapRequest"/> plus what the response needs.</summary>
public sealed record WmsGetMapRequest(WmsVersion Version, MapRequest Map, string? DefaultTimeUsed);
