namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// The one place that decides axis order on the wire (TRAP-1). Parsers and writers call it; nothing
/// else in the server swaps axes, because internally every coordinate is x = east, y = north.
/// </summary>
public static class AxisOrderRules
{
    /// <summary>Axis order of coordinates written in <paramref name="crs"/> in <paramref name="context"/>.</summary>
    public static AxisOrder For(CrsIdentifier crs, AxisContext context)
    {
        // CRS84 is lon,lat by definition, and every projected CRS we serve is easting,northing in EPSG
        // (projinfo: Easting ORDER 1). Only EPSG geographic CRSs (4326, 4171...) are latitude-first.
        if (crs.IsCrs84 || !IsLatitudeFirstInEpsg(crs.Srid))
        {
            return AxisOrder.EastNorth;
        }

        return context switch
        {
            // WMS 1.1.1 predates the EPSG axis rule: SRS=EPSG:4326 is always lon,lat.
            AxisContext.Wms111 => AxisOrder.EastNorth,

            // WMS 1.3.0 §6.7.3, WMTS TopLeftCorner and OGC API crs/bbox-crs follow the EPSG definition.
            AxisContext.Wms130 or AxisContext.Wmts or AxisContext.OgcApi => AxisOrder.NorthEast,

            // WFS/GML: "EPSG:4326" and ".../gml/srs/epsg.xml#4326" are read lon,lat by convention
            // (GeoServer axis-order guidelines, QGIS server #41242); URN, http URI and CURIE are strict.
            AxisContext.Wfs20 or AxisContext.Wfs11 or AxisContext.Gml =>
                crs.Form is CrsForm.ShortEpsg or CrsForm.GmlSrs ? AxisOrder.EastNorth : AxisOrder.NorthEast,

            _ => throw new ArgumentOutOfRangeException(nameof(context), context, "Unknown axis context."),
        };
    }

    /// <summary>
    /// EPSG geographic 2D CRSs (axis order latitude, longitude in the EPSG database). A list, not the
    /// 4000–4999 range, because that range also holds projected CRSs (e.g. 4087 World Equidistant
    /// Cylindrical, 4093–4096 DKTM) which are easting, northing. Codes outside the list are served as
    /// easting, northing; add a code here when the registry learns a new geographic CRS.
    /// </summary>
    private static readonly HashSet<int> LatitudeFirstEpsg =
    [
        4326, // WGS 84
        4171, // RGF93 v1
        9777, // RGF93 v2
        9782, // RGF93 v2b
        4258, // ETRS89
        4275, // NTF
        4807, // NTF (Paris)
        4230, // ED50
        4267, // NAD27
        4269, // NAD83
        4277, // OSGB36
        4283, // GDA94
        7844, // GDA2020
        4314, // DHDN
        4322, // WGS 72
        4490, // CGCS2000
        4612, // JGD2000
        6668, // JGD2011
        4674, // SIRGAS 2000
        4167, // NZGD2000
        4624, // RGFG95 (French Guiana)
        4687, // RGPF (French Polynesia)
        4640, // RRAF 1991 (French Antilles)
        4627, // RGR92 (Réunion)
        4470, // RGM04 (Mayotte)
    ];

    /// <summary>True for EPSG geographic 2D CRSs, whose EPSG axis order is latitude, longitude.</summary>
    internal static bool IsLatitudeFirstInEpsg(int srid) => LatitudeFirstEpsg.Contains(srid);
}
