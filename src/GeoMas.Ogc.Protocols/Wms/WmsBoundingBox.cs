using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>A layer extent in one advertised CRS, x/y order (the writer applies the wire axis order).</summary>
public sealed record WmsBoundingBox(CrsIdentifier Crs, Envelope Extent);
