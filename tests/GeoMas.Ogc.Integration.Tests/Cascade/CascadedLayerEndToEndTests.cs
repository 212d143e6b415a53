using System.Globalization;
using System.Net;
using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Sources.Remote;
using GeoMas.Ogc.Sources.Remote.Wmts;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static GeoMas.Ogc.Integration.Tests.Cascade.CascadeTestSupport;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>
/// The whole path: a GeoMas whose layer <c>cascade</c> is a remote WMTS (another GeoMas on loopback, behind the
/// switchable proxy), served through its own WMTS and WMS, rendered by the raster painter and cached by the tile cache.
/// </summary>
public sealed class CascadedLayerEndToEndTests(UpstreamServerFixture upstream) : IClassFixture<UpstreamServerFixture>, IAsyncLifetime
{
    private readonly string _cacheFolder = Directory.CreateTempSubdirectory("geomas-cascade-").FullName;
    private FaultyProxy? _proxy;
    private TestApp? _downstream;

    private FaultyProxy Proxy => _proxy!;
    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        // The embedded configuration has 9 layers: index 9 adds one.
        _downstream = await TestApp.StartAsync(
            "--cache:diskPath=" + _cacheFolder,
            "--Sources:cascade:Kind=remote-wmts",
            "--Sources:cascade:Remote:Url=" + _proxy.BaseUrl + "/wmts/1.0.0/WMTSCapabilities.xml",
            "--Sources:cascade:Remote:Layers=communes",
            "--Sources:cascade:Remote:TileMatrixSet=WebMercatorQuad",
            "--Sources:cascade:Remote:Format=image/png",
            "--Sources:cascade:Remote:Retries=1",
            "--Sources:cascade:Remote:RetryDelayMilliseconds=10",
            "--Sources:cascade:Remote:TimeoutSeconds=5",
            "--Sources:cascade:Remote:CapabilitiesRetrySeconds=0.2",
            "--Sources:cascade:Remote:BreakSeconds=1",
            "--Layers:9:Id=cascade",
            "--Layers:9:Kind=raster",
            "--Layers:9:Title=Cascade",
            "--Layers:9:Source=cascade",
            "--Layers:9:Srid=3857",
            "--Layers:9:Extent:0=600000", "--Layers:9:Extent:1=5400000", "--Layers:9:Extent:2=800000", "--Layers:9:Extent:3=5700000",
            "--Layers:9:Styles:0:File=ortho.sld");
        Client = _downstream.CreateClient();
        var monitor = _downstream.App.Services.GetRequiredService<RemoteSourceMonitor>();
        for (var i = 0; i < 100 && (monitor.Sources.Count == 0 || monitor.Unavailable.Count > 0); i++)
            await Task.Delay(100);
        Assert.True(monitor.Sources.Count == 1 && monitor.Unavailable.Count == 0, "the cascaded source never became ready");
    }

    public async Task DisposeAsync()
    {
        if (_downstream is not null)
            await _downstream.DisposeAsync();
        if (_proxy is not null)
            await _proxy.DisposeAsync();
        Directory.Delete(_cacheFolder, recursive: true);
    }

    private async Task<WmtsUpstreamMatrix> Level12Async()
    {
        await using var caps = await upstream.Client.GetStreamAsync(upstream.BaseUrl + "/wmts/1.0.0/WMTSCapabilities.xml");
        return WmtsCapabilitiesReader.Read(caps, "communes", "WebMercatorQuad", Crs).MatrixSet!.Matrices.Single(m => m.Identifier == "12");
    }

    private static (long Row, long Col) TileOf(WmtsUpstreamMatrix m, double lon, double lat)
    {
        double x = lon, y = lat;
        Crs.GetTransform(4326, 3857).Transform(ref x, ref y);
        return ((long)Math.Floor((m.OriginY - y) / (m.Resolution * m.TileHeight)), (long)Math.Floor((x - m.OriginX) / (m.Resolution * m.TileWidth)));
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_cascaded_wmts_tile_on_the_same_grid_is_the_upstream_tile()
    {
        var matrix = await Level12Async();
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        using var response = await Client.GetAsync($"/wmts/1.0.0/cascade/default/WebMercatorQuad/12/{I(row)}/{I(col)}.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var cascaded = Decode(await response.Content.ReadAsByteArrayAsync());
        using var original = Decode(await upstream.Client.GetByteArrayAsync($"{upstream.BaseUrl}/wmts/1.0.0/communes/default/WebMercatorQuad/12/{I(row)}/{I(col)}.png"));
        Assert.Equal((256, 256), (cascaded.Width, cascaded.Height));
        var (mean, visible) = Compare(original, cascaded);
        Assert.True(visible > 500, $"only {visible} visible pixels: the communes should draw");
        // Same grid: the painter draws the window 1:1, so only premultiplication rounding may differ.
        Assert.True(mean < 1.0, $"mean difference {mean:F3} per channel");
    }

    [Fact]
    public async Task Readiness_lists_the_cascade_as_healthy_once_the_capabilities_are_read()
    {
        using var response = await Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cascade", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cascaded_layer_is_reprojected_for_a_lambert93_getmap()
    {
        const string Bbox = "930000,6370000,960000,6400000";
        using var response = await Client.GetAsync($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=cascade&STYLES=&CRS=EPSG:2154&BBOX={Bbox}&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var cascaded = Decode(await response.Content.ReadAsByteArrayAsync());
        using var original = Decode(await upstream.Client.GetByteArrayAsync(
            $"{upstream.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX={Bbox}&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE"));
        var cascadedCoverage = Coverage(cascaded);
        var originalCoverage = Coverage(original);
        Assert.True(originalCoverage > 0.01, $"upstream coverage {originalCoverage:P2}");
        // Warped and resampled from Web Mercator tiles: not byte-equal, but the same drawing in the same place.
        Assert.InRange(cascadedCoverage, originalCoverage * 0.6, originalCoverage * 1.6);
        Assert.True(Overlap(original, cascaded) > 0.6, "the cascaded drawing does not sit where the upstream draws");
    }

    [Fact]
    public async Task An_upstream_failure_is_a_503_service_exception_and_is_not_cached()
    {
        var matrix = await Level12Async();
        var (row, col) = TileOf(matrix, 5.95, 44.45);
        var path = $"/wmts/1.0.0/cascade/default/WebMercatorQuad/12/{I(row)}/{I(col)}.png";
        Proxy.Mode = ProxyMode.Fail500;
        try
        {
            using var failed = await Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            var body = await failed.Content.ReadAsStringAsync();
            Assert.Contains("ExceptionReport", body, StringComparison.Ordinal);
            Assert.Contains("Upstream unavailable", body, StringComparison.Ordinal);

            var wms = await Client.GetAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=cascade&STYLES=&CRS=EPSG:2154&BBOX=930000,6370000,960000,6400000&WIDTH=64&HEIGHT=64&FORMAT=image/png");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, wms.StatusCode);
            Assert.Contains("Upstream unavailable", await wms.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Proxy.Mode = ProxyMode.Pass;
        }
        // A metatile of failing tiles opens the breaker (breakSeconds = 1): the first request after it is the probe.
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        var before = Proxy.Requests;
        using var recovered = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.True(Proxy.Requests > before, "the tile was served without asking the upstream: the failure was cached");
        using var image = Decode(await recovered.Content.ReadAsByteArrayAsync());
        Assert.True(Coverage(image) > 0.001, "the recovered tile is empty");
    }

    /// <summary>Mean absolute difference per channel over pixels visible in either image, and the visible count.</summary>
    private static (double Mean, int Visible) Compare(SKBitmap a, SKBitmap b)
    {
        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        long sum = 0;
        var visible = 0;
        for (var i = 0; i < a.Width * a.Height * 4; i += 4)
        {
            if (pa[i + 3] == 0 && pb[i + 3] == 0)
                continue;
            visible++;
            for (var c = 0; c < 4; c++)
                sum += Math.Abs((pa[i + c] * pa[i + 3] / 255) - (pb[i + c] * pb[i + 3] / 255));
        }
        return (visible == 0 ? 0 : sum / (visible * 4.0), visible);
    }

    private static double Coverage(SKBitmap image)
    {
        var pixels = image.GetPixelSpan();
        var count = 0;
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] > 32)
                count++;
        }
        return count / (double)(image.Width * image.Height);
    }

    /// <summary>Share of the upstream's drawn pixels that have a drawn pixel of the cascade within 2 px.</summary>
    private static double Overlap(SKBitmap original, SKBitmap cascaded)
    {
        var po = original.GetPixelSpan();
        var pc = cascaded.GetPixelSpan();
        int drawn = 0, matched = 0;
        for (var y = 0; y < original.Height; y++)
        {
            for (var x = 0; x < original.Width; x++)
            {
                if (po[(((y * original.Width) + x) * 4) + 3] <= 32)
                    continue;
                drawn++;
                var found = false;
                for (var dy = -2; dy <= 2 && !found; dy++)
                {
                    for (var dx = -2; dx <= 2 && !found; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        found = nx >= 0 && ny >= 0 && nx < cascaded.Width && ny < cascaded.Height && pc[(((ny * cascaded.Width) + nx) * 4) + 3] > 32;
                    }
                }
                if (found)
                    matched++;
            }
        }
        return drawn == 0 ? 0 : matched / (double)drawn;
    }
}
