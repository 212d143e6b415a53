using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// WKT1 definitions of the CRSs we serve, written for ProjNET (which only reads WKT1), with EPSG areas
/// of use (<c>projinfo EPSG:n</c> BBOX). Every datum carries TOWGS84 so ProjNET can chain datum shifts.
/// Values were checked against PROJ 9.1.1 (cs2cs) by the control-point tests.
/// </summary>
internal static class CrsDefinitions
{
    private const string Metre = "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]";
    private const string EastNorth = "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]";
    private const string Greenwich = "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]";
    private const string Degree = "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    private const string Wgs84 =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]," +
        "TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"6326\"]]," + Greenwich + "," + Degree + ",AUTHORITY[\"EPSG\",\"4326\"]]";

    // RGF93 v1 is WGS 84 to better than a metre; EPSG's RGF93 -> WGS 84 (1) is a null transformation.
    private const string Rgf93 =
        "GEOGCS[\"RGF93 v1\",DATUM[\"Reseau_Geodesique_Francais_1993_v1\",SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]]," +
        "TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"6171\"]]," + Greenwich + "," + Degree + ",AUTHORITY[\"EPSG\",\"4171\"]]";

    // NTF with the Greenwich meridian (EPSG 4275). EPSG defines 27572 on NTF (Paris) in grads; the same
    // projection is written here with lon_0 = Paris = 2.5969213 grad = 2.33722917° east of Greenwich, because
    // ProjNET 2.0 gets the prime meridian wrong in the NTF -> WGS 84 direction (it applies the Helmert shift
    // in a Paris-aligned geocentric frame: ~7 m error, found by the inverse control points).
    // TOWGS84 is EPSG "NTF to WGS 84 (1)" (1193), 2 m accuracy; PROJ uses the same Helmert when the
    // ntf_r93.gsb grid is not installed.
    private const string Ntf =
        "GEOGCS[\"NTF\",DATUM[\"Nouvelle_Triangulation_Francaise\",SPHEROID[\"Clarke 1880 (IGN)\",6378249.2,293.466021293627,AUTHORITY[\"EPSG\",\"7011\"]]," +
        "TOWGS84[-168,-60,320,0,0,0,0],AUTHORITY[\"EPSG\",\"6275\"]]," + Greenwich + "," + Degree + ",AUTHORITY[\"EPSG\",\"4275\"]]";

    private static readonly Envelope France = Lonlat(-9.86, 10.38, 41.15, 51.56);

    // Web Mercator stops where its square stops (atan(sinh(pi)) = 85.0511287798°), not at EPSG's rounded
    // 85.06, so ValidBounds(3857) is exactly the ±20037508.34 m square used by WebMercatorQuad.
    internal const double WebMercatorMaxLatitude = 85.0511287798066;

    public static IReadOnlyList<CrsDefinition> All { get; } = Build();

    private static List<CrsDefinition> Build()
    {
        var list = new List<CrsDefinition>
        {
            new(4326, "WGS 84", true, Wgs84, Lonlat(-180, 180, -90, 90)),
            new(4171, "RGF93 v1", true, Rgf93, France),
            new(2154, "RGF93 v1 / Lambert-93", false, Lcc2Sp("RGF93 v1 / Lambert-93", Rgf93, 46.5, 3, 49, 44, 700000, 6600000, 2154), France),
            new(3857, "WGS 84 / Pseudo-Mercator", false, PseudoMercator(), Lonlat(-180, 180, -WebMercatorMaxLatitude, WebMercatorMaxLatitude)),
            new(32631, "WGS 84 / UTM zone 31N", false, Utm(31), Lonlat(0, 6, 0, 84)),
            new(32632, "WGS 84 / UTM zone 32N", false, Utm(32), Lonlat(6, 12, 0, 84)),

            // Lambert zone II "étendu": LCC 1SP (lat_0 52 grads = 46.8°, k0 0.99987742) in EPSG. ProjNET has
            // no LCC 1SP, so it is written as the exactly equivalent 2SP: the parallels where that 1SP scale is 1.
            new(27572, "NTF (Paris) / Lambert zone II", false,
                Lcc2Sp("NTF (Paris) / Lambert zone II", Ntf, 46.8, 2.33722917, 45.898918964419, 47.696014502038, 600000, 2200000, 27572),
                Lonlat(-4.87, 8.23, 42.33, 51.14),
                NullShiftToWgs84: false),
        };

        // RGF93 conic conformal zones CC42..CC50: lat_0 = zone, parallels zone ± 0.75, y_0 = (zone - 41) Mm + 0.2 Mm.
        (double West, double East, double South, double North)[] ccAreas =
        [
            (-1.06, 9.63, 41.31, 43.07), (-1.79, 7.65, 42.33, 44.01), (-1.79, 7.71, 42.92, 45), (-1.46, 7.71, 44, 46),
            (-2.21, 7.16, 45, 47), (-4.77, 7.63, 46, 48), (-4.87, 8.23, 47, 49), (-4.87, 8.23, 48, 50), (-2.03, 8.08, 49, 51.14),
        ];
        for (var zone = 42; zone <= 50; zone++)
        {
            var name = "RGF93 v1 / CC" + zone.ToString(CultureInfo.InvariantCulture);
            var srid = 3900 + zone;
            var wkt = Lcc2Sp(name, Rgf93, zone, 3, zone - 0.75, zone + 0.75, 1700000, ((zone - 41) * 1000000) + 200000, srid);
            var a = ccAreas[zone - 42];
            list.Add(new CrsDefinition(srid, name, false, wkt, Lonlat(a.West, a.East, a.South, a.North)));
        }

        return list;
    }

    private static string Lcc2Sp(string name, string geogcs, double lat0, double lon0, double sp1, double sp2, double x0, double y0, int srid) =>
        string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{geogcs},PROJECTION[\"Lambert_Conformal_Conic_2SP\"]," +
            $"PARAMETER[\"latitude_of_origin\",{lat0:R}],PARAMETER[\"central_meridian\",{lon0:R}]," +
            $"PARAMETER[\"standard_parallel_1\",{sp1:R}],PARAMETER[\"standard_parallel_2\",{sp2:R}]," +
            $"PARAMETER[\"false_easting\",{x0:R}],PARAMETER[\"false_northing\",{y0:R}],{Metre},{EastNorth},AUTHORITY[\"EPSG\",\"{srid}\"]]");

    private static string Utm(int zone) =>
        string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"WGS 84 / UTM zone {zone}N\",{Wgs84},PROJECTION[\"Transverse_Mercator\"]," +
            $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{(zone * 6) - 183}]," +
            $"PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0]," +
            $"{Metre},{EastNorth},AUTHORITY[\"EPSG\",\"{32600 + zone}\"]]");

    // Spherical development of WGS 84 lon/lat on the semi-major axis (EPSG method 1024). ProjNET 2.0 knows
    // the method as "Pseudo-Mercator" (it rejects GDAL's "Popular Visualisation Pseudo Mercator").
    private static string PseudoMercator() =>
        "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84 + ",PROJECTION[\"Pseudo-Mercator\"]," +
        "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1]," +
        "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0]," + Metre + "," + EastNorth + ",AUTHORITY[\"EPSG\",\"3857\"]]";

    private static Envelope Lonlat(double west, double east, double south, double north) => new(west, east, south, north);
}
