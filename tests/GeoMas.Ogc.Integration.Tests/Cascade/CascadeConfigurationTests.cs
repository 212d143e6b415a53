using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Rendering.Sld;
using static GeoMas.Ogc.Integration.Tests.Cascade.CascadeTestSupport;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>The remote-wmts / remote-wms source kinds in the catalog builder: what is accepted, what is refused and why.</summary>
public sealed class CascadeConfigurationTests
{
    private static GeoMasOptions WithSource(SourceOptions source, int srid = 3857)
    {
        var options = JsonSerializer.Deserialize<GeoMasOptions>(File.ReadAllText(RepositoryPaths.Config("geomas.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })!;
        options.Sources!["remote"] = source;
        options.Layers!.Add(new LayerOptions
        {
            Id = "cascade",
            Kind = "raster",
            Source = "remote",
            Srid = srid,
            Extent = [600000, 5400000, 800000, 5700000],
            Styles = [new StyleReferenceOptions { File = "ortho.sld" }],
        });
        return options;
    }

    private static CatalogBuildResult Build(GeoMasOptions options) =>
        CatalogBuilder.Build(options, Path.GetDirectoryName(RepositoryPaths.Config("geomas.json"))!, new SldStyleReader(), Crs, _ => null);

    [Fact]
    public void A_remote_wmts_source_builds_with_its_policy()
    {
        var result = Build(WithSource(new SourceOptions
        {
            Kind = "remote-wmts",
            Remote = new RemoteSourceOptions
            {
                Url = "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
                Layers = "ORTHOIMAGERY.ORTHOPHOTOS",
                Styles = "normal",
                TileMatrixSet = "PM",
                Format = "image/jpeg",
                RequestEncoding = "KVP",
                TimeoutSeconds = 4,
                Retries = 3,
                BreakSeconds = 2,
                MaxConcurrentRequests = 6,
                CapabilitiesRefreshSeconds = 120,
            },
        }));
        Assert.True(result.Snapshot is not null, string.Join("\n", result.Errors));
        var source = result.Snapshot.Sources["remote"];
        Assert.Equal(SourceKind.RemoteWmts, source.Kind);
        var remote = source.Remote!;
        Assert.Equal("ORTHOIMAGERY.ORTHOPHOTOS", remote.Layers);
        Assert.Equal("PM", remote.TileMatrixSet);
        Assert.Equal("kvp", remote.RequestEncoding);
        Assert.Equal(TimeSpan.FromSeconds(4), remote.Policy.AttemptTimeout);
        Assert.Equal(3, remote.Policy.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), remote.Policy.BreakDuration);
        Assert.Equal(6, remote.Policy.MaxConcurrentRequests);
        Assert.Equal(TimeSpan.FromMinutes(2), remote.Policy.CapabilitiesRefreshInterval);
        Assert.Equal("remote", result.Snapshot.Layers.Single(l => l.Id == "cascade").SourceId);
    }

    [Fact]
    public void A_remote_wms_source_builds_with_its_crs_and_version()
    {
        var result = Build(WithSource(new SourceOptions
        {
            Kind = "remote-wms",
            Remote = new RemoteSourceOptions { Url = "http://127.0.0.1:8080/wms?MAP=ortho", Layers = "a,b", Srid = 2154, Version = "1.1.1" },
        }, srid: 2154));
        Assert.True(result.Snapshot is not null, string.Join("\n", result.Errors));
        var remote = result.Snapshot.Sources["remote"].Remote!;
        Assert.Equal((2154, "1.1.1", "image/png"), (remote.Srid, remote.Version, remote.Format));
    }

    [Theory]
    [InlineData("remote-wmts", null, "needs a remote section")]
    [InlineData("remote-wmts", """{"url": "ftp://x", "layers": "A", "tileMatrixSet": "PM"}""", "is not an absolute http(s) URL")]
    [InlineData("remote-wmts", """{"url": "http://x/wmts", "layers": "A"}""", "tileMatrixSet is required")]
    [InlineData("remote-wmts", """{"url": "http://x/wmts", "tileMatrixSet": "PM"}""", "layers is required")]
    [InlineData("remote-wmts", """{"url": "http://x/wmts", "layers": "A", "tileMatrixSet": "PM", "format": "image/gif"}""", "format 'image/gif'")]
    [InlineData("remote-wmts", """{"url": "http://x/wmts", "layers": "A", "tileMatrixSet": "PM", "requestEncoding": "soap"}""", "requestEncoding 'soap'")]
    [InlineData("remote-wmts", """{"url": "http://x/wmts", "layers": "A", "tileMatrixSet": "PM", "retries": 50}""", "retries = 50 is out of range")]
    [InlineData("remote-wmts", """{"url": "http://x/wmts", "layers": "A", "tileMatrixSet": "PM", "breakSeconds": 0.1}""", "breakSeconds = 0.1 is out of range")]
    [InlineData("remote-wms", """{"url": "http://x/wms", "layers": "A"}""", "srid (the GetMap CRS) is required")]
    [InlineData("remote-wms", """{"url": "http://x/wms", "layers": "A", "srid": 2154, "version": "1.0.0"}""", "version '1.0.0'")]
    [InlineData("remote-wms", """{"url": "${UPSTREAM}", "layers": "A", "srid": 2154}""", "uses ${UPSTREAM}, which is not set")]
    public void A_broken_remote_section_is_reported(string kind, string? remote, string message)
    {
        var result = Build(WithSource(new SourceOptions
        {
            Kind = kind,
            Remote = remote is null ? null : JsonSerializer.Deserialize<RemoteSourceOptions>(remote, new JsonSerializerOptions { PropertyNameCaseInsensitive = true }),
        }));
        Assert.Null(result.Snapshot);
        Assert.Contains(result.Errors, e => e.Contains("source 'remote'", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }
}
