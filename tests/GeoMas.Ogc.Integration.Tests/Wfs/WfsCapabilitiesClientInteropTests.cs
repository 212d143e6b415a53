using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Interop;

namespace GeoMas.Ogc.Integration.Tests.Wfs;

/// <summary>
/// Real WFS clients reading the metadata of the real server over HTTP (PostGIS configuration): GDAL's WFS driver
/// (capabilities + DescribeFeatureType: geometry types) and OWSLib's WebFeatureService 2.0.0 and 1.1.0 (types, CRS,
/// WGS 84 box, schema, stored queries). The clients come from Debian packages; a missing client fails the test.
/// </summary>
public sealed class WfsCapabilitiesClientInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Python = "/usr/bin/python3";
    private static readonly string[] Types = ["communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers"];

    [Fact]
    public async Task Ogrinfo_lists_the_six_feature_types_with_their_geometry_types()
    {
        var run = await ExternalTool.RunAsync("ogrinfo", ["-so", "-ro", $"WFS:{server.BaseUrl}/wfs"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var type in Types)
            Assert.Contains($": geomas:{type} (", run.Stdout);
        // The geometry types come from DescribeFeatureType: polygons are Multi Surface, lines Multi Curve.
        Assert.Contains("geomas:parcelles (title: Parcelles cadastrales / Cadastral parcels) (Multi Surface)", run.Stdout);
        Assert.Contains("(Multi Curve)", run.Stdout);
    }

    [Fact]
    public async Task Ogrinfo_reads_one_type_schema_in_lambert_93()
    {
        var run = await ExternalTool.RunAsync("ogrinfo", ["-so", "-ro", $"WFS:{server.BaseUrl}/wfs", "geomas:routes"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Geometry: Multi Curve", run.Stdout);
        Assert.Contains("Lambert-93", run.Stdout);
        Assert.Contains("nom: String", run.Stdout);
        Assert.Contains("largeur: Real", run.Stdout);
    }

    [Fact]
    public async Task Owslib_reads_feature_types_crs_boxes_schemas_and_stored_queries_in_both_versions()
    {
        var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("owslib_wfs_meta.py"), server.BaseUrl]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        foreach (var version in new[] { "2.0.0", "1.1.0" })
        {
            var seen = report.RootElement.GetProperty(version);
            Assert.Equal(6, seen.GetProperty("types").GetInt32());
            Assert.Equal("EPSG:2154", seen.GetProperty("default_crs").GetString());
            Assert.True(seen.GetProperty("crs_count").GetInt32() >= 4, run.Stdout);
            Assert.Equal("geom", seen.GetProperty("parcelles_geometry")[1].GetString());
            Assert.Equal("double", seen.GetProperty("routes_properties").GetProperty("largeur").GetString());
        }
        Assert.Equal("http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById",
            report.RootElement.GetProperty("2.0.0").GetProperty("stored_queries")[0].GetString());
    }
}
