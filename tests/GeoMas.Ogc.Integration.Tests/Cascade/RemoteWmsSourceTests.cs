using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote;
using NetTopologySuite.Geometries;
using static GeoMas.Ogc.Integration.Tests.Cascade.CascadeTestSupport;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>A remote WMS (another GeoMas on loopback, behind a switchable proxy) read as a raster source.</summary>
public sealed class RemoteWmsSourceTests(UpstreamServerFixture upstream) : IClassFixture<UpstreamServerFixture>
{
    private static RemoteSourceDefinition Definition(string proxy, string version, int srid, UpstreamPolicy? policy = null) => new()
    {
        Url = new Uri(proxy + "/wms"),
        Layers = "communes",
        Format = "image/png",
        Version = version,
        Srid = srid,
        Policy = policy ?? FastPolicy,
    };

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static TheoryData<string, int, string> Cases => new()
    {
        // Lambert-93: x,y in both versions.
        { "1.3.0", 2154, "930000,6370000,960000,6400000" },
        { "1.1.1", 2154, "930000,6370000,960000,6400000" },
        // EPSG:4326 in 1.3.0 is latitude first: the reference request writes lat,lon itself.
        { "1.3.0", 4326, "44.4,5.9,44.7,6.3" },
        { "1.1.1", 4326, "5.9,44.4,6.3,44.7" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_window_equals_the_upstreams_own_getmap_of_the_same_bbox(string version, int srid, string referenceBbox)
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var source = (IRasterSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWms, Definition(proxy.BaseUrl, version, srid), srid);
        var extent = srid == 4326 ? Box(5.9, 44.4, 6.3, 44.7) : Box(930000, 6370000, 960000, 6400000);
        const int Width = 400;
        const int Height = 300;
        using var window = await source.ReadAsync(new RasterReadRequest(extent, extent.Width / Width, extent.Height / Height), CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal((Width, Height), (window.Width, window.Height));
        Assert.Equal(extent, window.Extent);
        Assert.True(HasVisiblePixels(window));

        var crs = version == "1.3.0" ? "CRS" : "SRS";
        var reference = $"{upstream.BaseUrl}/wms?SERVICE=WMS&VERSION={version}&REQUEST=GetMap&LAYERS=communes&STYLES=&{crs}=EPSG:{srid}&BBOX={referenceBbox}&WIDTH={Width}&HEIGHT={Height}&FORMAT=image/png&TRANSPARENT=TRUE";
        using var expected = Decode(await upstream.Client.GetByteArrayAsync(reference));
        AssertSamePixels(expected, window, 0, 0);
        Assert.Contains(proxy.Log, p => p.Contains("REQUEST=GetMap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_exception_answered_with_status_200_is_a_failure_naming_the_upstream_reason()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var source = (IRasterSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWms, Definition(proxy.BaseUrl, "1.3.0", 2154), 2154);
        proxy.Mode = ProxyMode.ExceptionXml;
        var extent = Box(930000, 6370000, 960000, 6400000);
        var error = await Assert.ThrowsAsync<ServiceException>(async () =>
            await source.ReadAsync(new RasterReadRequest(extent, 100, 100), CancellationToken.None));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Contains("database is down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pixel_size_is_capped_by_maxSize_keeping_the_aspect()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var source = (IRasterSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWms, Definition(proxy.BaseUrl, "1.3.0", 2154) with { MaxSize = 256 }, 2154);
        var extent = Box(930000, 6370000, 960000, 6385000);
        using var window = await source.ReadAsync(new RasterReadRequest(extent, 10, 10), CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal((256, 128), (window.Width, window.Height));
        Assert.Contains(proxy.Log, p => p.Contains("WIDTH=256&HEIGHT=128", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_layer_the_upstream_does_not_offer_in_the_crs_is_not_ready()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var source = (IRemoteRasterSource)Open(new RemoteSourceMonitor(), SourceKind.RemoteWms, Definition(proxy.BaseUrl, "1.3.0", 2154) with { Layers = "no_such_layer" }, 2154);
        Assert.False(await source.RefreshCapabilitiesAsync(CancellationToken.None));
        Assert.Contains("no layer 'no_such_layer'", source.LastError, StringComparison.Ordinal);
    }
}
