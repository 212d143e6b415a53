namespace GeoMas.Ogc.Core.Crs;

/// <summary>Where a coordinate is read or written; the axis order rules of TRAP-1 differ per protocol/version.</summary>
public enum AxisContext
{
    /// <summary>WMS 1.1.1 <c>SRS</c>/<c>BBOX</c>: always x,y (lon,lat).</summary>
    Wms111,

    /// <summary>WMS 1.3.0 <c>CRS</c>/<c>BBOX</c>: EPSG axis order (4326 is lat,lon).</summary>
    Wms130,

    /// <summary>WMTS TopLeftCorner / BoundingBox and 2D-TMS pointOfOrigin: EPSG axis order.</summary>
    Wmts,

    /// <summary>WFS 2.0 (GML 3.2, filters): EPSG order for URN/http forms, lon,lat for <c>EPSG:xxxx</c> and gml/srs forms.</summary>
    Wfs20,

    /// <summary>WFS 1.1: same form-dependent convention as WFS 2.0 (GeoServer, QGIS server).</summary>
    Wfs11,

    /// <summary>OGC API (Features/Maps/Tiles) <c>crs</c> / <c>bbox-crs</c>: EPSG axis order; CRS84 default is lon,lat.</summary>
    OgcApi,

    /// <summary>Generic GML encoding: srsName form decides, as in WFS.</summary>
    Gml,
}
