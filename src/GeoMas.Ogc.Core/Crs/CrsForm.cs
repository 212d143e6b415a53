namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// The spelling a client used for a CRS. It is kept because it decides the axis order in some
/// protocols (WFS: <c>EPSG:4326</c> is lon,lat but <c>urn:ogc:def:crs:EPSG::4326</c> is lat,lon; TRAP-1)
/// and because responses should echo the client's form (TRAP-2).
/// </summary>
public enum CrsForm
{
    /// <summary><c>EPSG:2154</c>.</summary>
    ShortEpsg,

    /// <summary><c>urn:ogc:def:crs:EPSG::2154</c>, versioned <c>urn:ogc:def:crs:EPSG:6.18:3:3857</c>, or <c>urn:x-ogc:def:crs:EPSG:4326</c>.</summary>
    Urn,

    /// <summary><c>http(s)://www.opengis.net/def/crs/EPSG/0/2154</c>.</summary>
    HttpUri,

    /// <summary>Safe CURIE <c>[EPSG:2154]</c> (OGC API bbox-crs / crs).</summary>
    SafeCurie,

    /// <summary><c>http://www.opengis.net/gml/srs/epsg.xml#2154</c> (GML 2 / WFS 1.0 style).</summary>
    GmlSrs,

    /// <summary>Any spelling of OGC CRS84 / CRS84h: <c>CRS:84</c>, <c>OGC:CRS84</c>, URN or http URI.</summary>
    OgcCrs84,

    /// <summary>IGN France registry codes, e.g. <c>IGNF:LAMB93</c> mapped to EPSG 2154.</summary>
    Ignf,
}
