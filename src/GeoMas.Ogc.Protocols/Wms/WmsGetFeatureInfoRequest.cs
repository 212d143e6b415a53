using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>A validated GetFeatureInfo: the protocol-neutral question and the encoder of INFO_FORMAT.</summary>
public sealed record WmsGetFeatureInfoRequest(WmsVersion Version, FeatureInfoRequest Query, IFeatureInfoEncoder Encoder, string? DefaultTimeUsed);
