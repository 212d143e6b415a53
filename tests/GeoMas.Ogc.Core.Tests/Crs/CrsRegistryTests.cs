using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Tests.Crs;

public class CrsRegistryTests
{
    private static readonly CrsRegistry Registry = SharedRegistry.Instance;

    [Fact]
    public void SupportedSrids_AreTheArchitectureList()
    {
        int[] expected = [2154, 3857, 3942, 3943, 3944, 3945, 3946, 3947, 3948, 3949, 3950, 4171, 4326, 27572, 32631, 32632];
        Assert.Equal(expected, Registry.SupportedSrids);
        Assert.All(expected, srid => Assert.True(Registry.IsSupported(srid)));
        Assert.False(Registry.IsSupported(900913));
        Assert.False(Registry.IsSupported(0));
    }

    [Theory]
    [InlineData(4326, true)]
    [InlineData(4171, true)]
    [InlineData(2154, false)]
    [InlineData(3857, false)]
    [InlineData(3946, false)]
    [InlineData(32631, false)]
    [InlineData(27572, false)]
    public void IsGeographic_MatchesEpsg(int srid, bool geographic) =>
        Assert.Equal(geographic, Registry.IsGeographic(srid));

    [Theory]
    [InlineData(4326, 111319.49079327357)]
    [InlineData(4171, 111319.49079327357)]
    [InlineData(2154, 1.0)]
    [InlineData(3857, 1.0)]
    [InlineData(27572, 1.0)]
    public void MetersPerUnit_FollowsTrap3(int srid, double expected) =>
        Assert.Equal(expected, Registry.MetersPerUnit(srid), 9);

    [Theory]
    [InlineData(2154, -9.86, 41.15, 10.38, 51.56)]
    [InlineData(4171, -9.86, 41.15, 10.38, 51.56)]
    [InlineData(4326, -180, -90, 180, 90)]
    [InlineData(3857, -180, -85.0511287798066, 180, 85.0511287798066)]
    [InlineData(3942, -1.06, 41.31, 9.63, 43.07)]
    [InlineData(3950, -2.03, 49, 8.08, 51.14)]
    [InlineData(32631, 0, 0, 6, 84)]
    [InlineData(32632, 6, 0, 12, 84)]
    [InlineData(27572, -4.87, 42.33, 8.23, 51.14)]
    public void AreaOfUse_IsEpsgBboxInLonLat(int srid, double minLon, double minLat, double maxLon, double maxLat)
    {
        var area = Registry.AreaOfUse(srid);
        Assert.Equal(minLon, area.MinX, 10);
        Assert.Equal(minLat, area.MinY, 10);
        Assert.Equal(maxLon, area.MaxX, 10);
        Assert.Equal(maxLat, area.MaxY, 10);
    }

    [Fact]
    public void AreaOfUse_ReturnsACopy()
    {
        Registry.AreaOfUse(2154).ExpandToInclude(100, 100);
        Assert.Equal(51.56, Registry.AreaOfUse(2154).MaxY, 10);
    }

    [Fact]
    public void ValidBounds_Of3857_IsTheWebMercatorSquare()
    {
        var bounds = Registry.ValidBounds(3857);
        Assert.Equal(-20037508.342789244, bounds.MinX, 3);
        Assert.Equal(20037508.342789244, bounds.MaxX, 3);
        Assert.Equal(-20037508.342789244, bounds.MinY, 3);
        Assert.Equal(20037508.342789244, bounds.MaxY, 3);
    }

    [Fact]
    public void ValidBounds_Of2154_CoversMetropolitanFrance()
    {
        // projinfo EPSG:2154 area projected: roughly x -378 km..1320 km, y 6.0 Mm..7.2 Mm.
        var bounds = Registry.ValidBounds(2154);
        Assert.InRange(bounds.MinX, -400_000, -300_000);
        Assert.InRange(bounds.MaxX, 1_250_000, 1_350_000);
        Assert.InRange(bounds.MinY, 6_000_000, 6_050_000);
        Assert.InRange(bounds.MaxY, 7_150_000, 7_250_000);
        Assert.True(bounds.Contains(944469.5881, 6389247.2504)); // Gap
    }

    [Fact]
    public void ValidBounds_OfGeographic_IsTheAreaOfUse()
    {
        Assert.Equal(Registry.AreaOfUse(4326), Registry.ValidBounds(4326));
        var rgf93 = Registry.ValidBounds(4171);
        Assert.Equal(-9.86, rgf93.MinX, 6);
        Assert.Equal(51.56, rgf93.MaxY, 6);
    }

    [Fact]
    public void ValidBounds_ReturnsACopy()
    {
        Registry.ValidBounds(3857).ExpandToInclude(1e9, 1e9);
        Assert.Equal(20037508.342789244, Registry.ValidBounds(3857).MaxX, 3);
    }

    [Theory]
    [InlineData(2154, "RGF93 v1 / Lambert-93")]
    [InlineData(3857, "WGS 84 / Pseudo-Mercator")]
    [InlineData(4326, "WGS 84")]
    [InlineData(4171, "RGF93 v1")]
    [InlineData(3944, "RGF93 v1 / CC44")]
    [InlineData(32631, "WGS 84 / UTM zone 31N")]
    [InlineData(32632, "WGS 84 / UTM zone 32N")]
    [InlineData(27572, "NTF (Paris) / Lambert zone II")]
    public void Name_IsTheEpsgName(int srid, string name) => Assert.Equal(name, Registry.Name(srid));

    [Fact]
    public void Wkt_IsWkt1WithAuthority()
    {
        foreach (var srid in Registry.SupportedSrids)
        {
            var wkt = Registry.Wkt(srid);
            Assert.True(wkt.StartsWith("PROJCS[", StringComparison.Ordinal) || wkt.StartsWith("GEOGCS[", StringComparison.Ordinal), wkt);
            Assert.EndsWith($"AUTHORITY[\"EPSG\",\"{srid}\"]]", wkt, StringComparison.Ordinal);
            Assert.DoesNotContain(",,", wkt, StringComparison.Ordinal);
        }

        Assert.Contains("TOWGS84[0,0,0,0,0,0,0]", Registry.Wkt(2154), StringComparison.Ordinal);
        Assert.Contains("TOWGS84[-168,-60,320,0,0,0,0]", Registry.Wkt(27572), StringComparison.Ordinal);
        Assert.Contains("PARAMETER[\"false_northing\",1200000]", Registry.Wkt(3942), StringComparison.Ordinal);
        Assert.Contains("PARAMETER[\"false_northing\",9200000]", Registry.Wkt(3950), StringComparison.Ordinal);
        Assert.Contains("PARAMETER[\"standard_parallel_1\",46.25]", Registry.Wkt(3947), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(900913)]
    [InlineData(2056)]
    public void UnsupportedSrid_ThrowsUnsupportedCrsException(int srid)
    {
        var ex = Assert.Throws<UnsupportedCrsException>(() => Registry.GetTransform(srid, 4326));
        Assert.Equal(srid, ex.Srid);
        Assert.Throws<UnsupportedCrsException>(() => Registry.GetTransform(4326, srid));
        Assert.Throws<UnsupportedCrsException>(() => Registry.AreaOfUse(srid));
        Assert.Throws<UnsupportedCrsException>(() => Registry.ValidBounds(srid));
        Assert.Throws<UnsupportedCrsException>(() => Registry.Wkt(srid));
        Assert.Throws<UnsupportedCrsException>(() => Registry.Name(srid));
        Assert.Throws<UnsupportedCrsException>(() => Registry.IsGeographic(srid));
    }

    [Fact]
    public void GetTransform_IsCachedPerPair()
    {
        Assert.Same(Registry.GetTransform(2154, 3857), Registry.GetTransform(2154, 3857));
        Assert.NotSame(Registry.GetTransform(2154, 3857), Registry.GetTransform(3857, 2154));
    }

    [Fact]
    public void GetTransform_SameSrid_IsIdentity()
    {
        var t = Registry.GetTransform(2154, 2154);
        Assert.True(t.IsIdentity);
        Assert.Equal(2154, t.SourceSrid);
        Assert.Equal(2154, t.TargetSrid);
        Assert.False(Registry.GetTransform(4326, 4171).IsIdentity);
    }
}
