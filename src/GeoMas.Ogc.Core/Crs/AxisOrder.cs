namespace GeoMas.Ogc.Core.Crs;

/// <summary>Order of the two axes on the wire. Internally every coordinate is x = east (lon), y = north (lat).</summary>
public enum AxisOrder
{
    /// <summary>x,y = easting,northing = lon,lat.</summary>
    EastNorth,

    /// <summary>northing,easting = lat,lon (EPSG geographic CRSs in "strict" contexts).</summary>
    NorthEast,
}
