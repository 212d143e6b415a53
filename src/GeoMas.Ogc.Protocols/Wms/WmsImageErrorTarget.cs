using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// What an INIMAGE/BLANK error image must look like (WMS-E2, WMS-E3). Read leniently before the full GetMap
/// validation, so an error in, say, LAYERS can still be drawn; null fields mean "cannot draw, fall back to XML".
/// </summary>
public sealed record WmsImageErrorTarget(WmsExceptionFormat Mode, ImageFormat Format, int Width, int Height, bool Transparent, RgbaColor Background);
