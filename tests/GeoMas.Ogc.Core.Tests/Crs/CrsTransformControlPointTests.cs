using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Tests.Crs;

/// <summary>
/// Absolute accuracy against PROJ 9.1.1 (<c>cs2cs +proj=longlat +datum=WGS84 +to EPSG:n</c>, no grids installed).
/// Tolerance 1 cm for every CRS. 27572 is compared with PROJ's own fallback, the same EPSG 3-parameter
/// Helmert (NTF to WGS 84 (1), stated accuracy 2 m); with the IGN ntf_r93.gsb grid PROJ differs by up to ~2 m.
/// </summary>
public class CrsTransformControlPointTests
{
    private const double ToleranceMetres = 0.01;

    // 1 cm expressed in degrees of latitude (and at most ~1.5 cm in longitude at 50°N).
    private const double ToleranceDegrees = 1e-7;

    private static readonly CrsRegistry Registry = SharedRegistry.Instance;

    public static TheoryData<int, double, double, double, double> ControlPoints => new()
    {
        // Lambert-93: Gap, Paris, Brest, Strasbourg, Ajaccio
        { 2154, 6.0790, 44.5594, 944469.5881, 6389247.2504 },
        { 2154, 2.3488, 48.8534, 652216.6260, 6861681.5000 },
        { 2154, -4.4861, 48.3904, 146632.9785, 6836262.3267 },
        { 2154, 7.7521, 48.5734, 1050362.6954, 6840899.6472 },
        { 2154, 8.7369, 41.9192, 1176526.6023, 6108263.0226 },

        // Lambert zone II étendu (NTF, Paris meridian, Helmert datum shift)
        { 27572, 6.0790, 44.5594, 897409.0193, 1958019.6848 },
        { 27572, 2.3488, 48.8534, 600902.7206, 2428339.8026 },
        { 27572, -4.4861, 48.3904, 95210.2712, 2398759.8470 },
        { 27572, 7.7521, 48.5734, 999472.1910, 2410952.5337 },
        { 27572, 8.7369, 41.9192, 1132161.2878, 1678751.9786 },

        // CC zones, on and off the central meridian
        { 3942, 3.5, 42.2, 1741291.8977, 1222333.7540 },
        { 3942, 6.0790, 42.6, 1952624.8379, 1271185.5751 },
        { 3943, 3.5, 43.2, 1740634.5335, 2222338.0074 },
        { 3943, 6.0790, 43.6, 1948544.6105, 2271209.8518 },
        { 3944, 3.5, 44.2, 1739964.7196, 3222342.1233 },
        { 3944, 6.0790, 44.6, 1944388.2818, 3271228.5489 },
        { 3945, 3.5, 45.2, 1739282.6556, 4222346.0964 },
        { 3945, 6.0790, 45.6, 1940157.0946, 4271241.6429 },
        { 3946, 3.5, 46.2, 1738588.5449, 5222349.9221 },
        { 3946, 6.0790, 46.6, 1935852.3155, 5271249.1169 },
        { 3947, 3.5, 47.2, 1737882.5950, 6222353.5955 },
        { 3947, 6.0790, 47.6, 1931475.2349, 6271250.9609 },
        { 3948, 3.5, 48.2, 1737165.0170, 7222357.1123 },
        { 3948, 6.0790, 48.6, 1927027.1662, 7271247.1716 },
        { 3949, 3.5, 49.2, 1736436.0260, 8222360.4679 },
        { 3949, 6.0790, 49.6, 1922509.4460, 8271237.7528 },
        { 3950, 3.5, 50.2, 1735695.8405, 9222363.6585 },
        { 3950, 6.0790, 50.6, 1917923.4333, 9271222.7150 },

        // Web Mercator, including the corner of the WebMercatorQuad square
        { 3857, 6.0790, 44.5594, 676711.1845, 5552422.6968 },
        { 3857, -179.5, -85, -19981848.5974, -19971868.8804 },
        { 3857, 0, 0, 0, 0 },
        { 3857, 180, 85.0511287798066, 20037508.3428, 20037508.3428 },
        { 3857, -74.006, 40.7128, -8238310.2356, 4970071.5791 },

        // UTM
        { 32631, 2.3488, 48.8534, 452230.0925, 5411363.5892 },
        { 32631, 3, 45, 500000.0000, 4982950.4002 },
        { 32631, 0.5, 10, 225928.9466, 1106451.2783 },
        { 32632, 6.0790, 44.5594, 268021.2842, 4938158.0737 },
        { 32632, 9.19, 45.4642, 514853.4959, 5034536.7962 },
        { 32632, 9, 60, 500000.0000, 6651411.1904 },
    };

    [Theory]
    [MemberData(nameof(ControlPoints))]
    public void Forward_MatchesProj(int srid, double lon, double lat, double expectedX, double expectedY)
    {
        double x = lon, y = lat;
        Registry.GetTransform(4326, srid).Transform(ref x, ref y);
        Assert.Equal(expectedX, x, ToleranceMetres);
        Assert.Equal(expectedY, y, ToleranceMetres);
    }

    [Theory]
    [MemberData(nameof(ControlPoints))]
    public void Inverse_MatchesProj(int srid, double expectedLon, double expectedLat, double x, double y)
    {
        Registry.GetTransform(srid, 4326).Transform(ref x, ref y);
        Assert.Equal(expectedLon, x, ToleranceDegrees);
        Assert.Equal(expectedLat, y, ToleranceDegrees);
    }

    [Theory]
    // PROJ cs2cs between the two projected CRSs (27572 target written with +towgs84, i.e. via WGS 84 as we do).
    [InlineData(2154, 944469.5881, 6389247.2504, 3857, 676711.1845, 5552422.6968)]
    [InlineData(2154, 652216.6260, 6861681.5000, 27572, 600902.7206, 2428339.8026)]
    [InlineData(3857, 676711.1845, 5552422.6968, 3944, 1944556.6605, 3266720.2309)]
    [InlineData(32632, 268021.2842, 4938158.0737, 2154, 944469.5881, 6389247.2504)]
    public void ProjectedToProjected_MatchesProj(int from, double x, double y, int to, double expectedX, double expectedY)
    {
        Registry.GetTransform(from, to).Transform(ref x, ref y);
        Assert.Equal(expectedX, x, ToleranceMetres);
        Assert.Equal(expectedY, y, ToleranceMetres);
    }

    [Fact]
    public void Lambert93ToLambertII_IsWithinTwoMetresOfEpsgPreferredOperation()
    {
        // PROJ's first choice for EPSG:2154 -> EPSG:27572 is "RGF93 v1 to NTF (2)" (1 m accuracy), a different
        // Helmert from ours (NTF to WGS 84 (1), 2 m): the two disagree by ~1.4 m in Paris. This bounds it.
        double x = 652216.6260, y = 6861681.5000;
        Registry.GetTransform(2154, 27572).Transform(ref x, ref y);
        Assert.Equal(600901.3555, x, 2.0);
        Assert.Equal(2428339.4892, y, 2.0);
    }

    [Fact]
    public void Rgf93Geographic_IsWgs84ToTheMillimetre()
    {
        // EPSG "RGF93 v1 to WGS 84 (1)" is a null transformation; only the GRS80/WGS84 flattening differs.
        double x = 2.3488, y = 48.8534;
        Registry.GetTransform(4326, 4171).Transform(ref x, ref y);
        Assert.Equal(2.3488, x, 1e-9);
        Assert.Equal(48.8534, y, 1e-8);
    }
}
