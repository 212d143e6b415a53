using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote;
using GeoMas.Ogc.Sources.Remote.Wmts;
using NetTopologySuite.Geometries;
using static GeoMas.Ogc.Integration.Tests.Cascade.CascadeTestSupport;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>A remote WMTS (another GeoMas on loopback, behind a switchable proxy) read as a raster source.</summary>
public sealed class RemoteWmtsSourceTests(UpstreamServerFixture upstream) : IClassFixture<UpstreamServerFixture>
{
    private const string Layer = "communes";

    private static RemoteSourceDefinition Definition(string proxy, string encoding, UpstreamPolicy? policy = null) => new()
    {
        Url = new Uri(encoding == "kvp" ? proxy + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities" : proxy + "/wmts/1.0.0/WMTSCapabilities.xml"),
        Layers = Layer,
        TileMatrixSet = "WebMercatorQuad",
        Format = "image/png",
        RequestEncoding = encoding,
        Policy = policy ?? FastPolicy,
    };

    /// <summary>Level 12 of WebMercatorQuad over the demo communes (Gap), and the 2×2 block of tiles from (row, col).</summary>
    private async Task<(WmtsUpstreamMatrix Matrix, WmtsUpstreamCapabilities Capabilities)> MatrixAsync(string level)
    {
        await using var caps = await upstream.Client.GetStreamAsync(upstream.BaseUrl + "/wmts/1.0.0/WMTSCapabilities.xml");
        var capabilities = WmtsCapabilitiesReader.Read(caps, Layer, "WebMercatorQuad", Crs);
        return (capabilities.MatrixSet!.Matrices.Single(m => m.Identifier == level), capabilities);
    }

    private static (long Row, long Col) TileOf(WmtsUpstreamMatrix m, double lon, double lat)
    {
        var point = Crs.GetTransform(4326, 3857);
        double x = lon, y = lat;
        point.Transform(ref x, ref y);
        return ((long)Math.Floor((m.OriginY - y) / (m.Resolution * m.TileHeight)), (long)Math.Floor((x - m.OriginX) / (m.Resolution * m.TileWidth)));
    }

    private static Envelope Block(WmtsUpstreamMatrix m, long row, long col, int size)
    {
        var span = m.Resolution * m.TileWidth;
        return Box(m.OriginX + (col * span), m.OriginY - ((row + size) * span), m.OriginX + ((col + size) * span), m.OriginY - (row * span));
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("kvp")]
    public async Task A_tile_aligned_window_is_the_upstream_tiles_mosaicked_pixel_for_pixel(string encoding)
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var (matrix, capabilities) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        var source = (RemoteWmtsSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWmts, Definition(proxy.BaseUrl, encoding), 3857);
        Assert.Equal(encoding == "rest", source.UsesRest);

        using var window = await source.ReadAsync(new RasterReadRequest(Block(matrix, row, col, 2), matrix.Resolution, matrix.Resolution), CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal((512, 512), (window.Width, window.Height));
        Assert.Equal(Block(matrix, row, col, 2), window.Extent);
        Assert.Equal("12", source.LastMatrix);
        Assert.True(HasVisiblePixels(window), "the communes block should draw something");

        // The test read the capabilities straight from the upstream: the template points at the upstream itself.
        var template = capabilities.ResourceTemplates.Single(t => t.Format == "image/png").Template;
        for (var dy = 0; dy < 2; dy++)
        {
            for (var dx = 0; dx < 2; dx++)
            {
                var url = template.Replace("{Style}", capabilities.DefaultStyle ?? capabilities.Styles[0], StringComparison.OrdinalIgnoreCase)
                    .Replace("{TileMatrixSet}", "WebMercatorQuad", StringComparison.OrdinalIgnoreCase)
                    .Replace("{TileMatrix}", "12", StringComparison.OrdinalIgnoreCase)
                    .Replace("{TileRow}", (row + dy).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase)
                    .Replace("{TileCol}", (col + dx).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
                using var tile = Decode(await upstream.Client.GetByteArrayAsync(url));
                AssertSamePixels(tile, window, dx * 256, dy * 256);
            }
        }
        var tileRequests = proxy.Log.Where(p => !p.Contains("Capabilities", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(4, tileRequests.Count);
        Assert.All(tileRequests, p => Assert.Equal(encoding == "kvp", p.Contains("REQUEST=GetTile", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1.5, "12")]   // between 11 and 12: the finer 12, never the coarser 11
    [InlineData(1.0, "12")]
    [InlineData(0.9, "13")]
    [InlineData(4.0, "10")]
    public async Task The_matrix_is_the_coarsest_at_least_as_fine_as_the_request(double factor, string expected)
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var (matrix, _) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        var source = (RemoteWmtsSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWmts, Definition(proxy.BaseUrl, "auto"), 3857);
        var extent = Block(matrix, row, col, 1);
        extent.ExpandBy(-matrix.Resolution * 10.3);
        using var window = await source.ReadAsync(new RasterReadRequest(extent, matrix.Resolution * factor, matrix.Resolution * factor), CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal(expected, source.LastMatrix);
        // The window covers the request with whole pixels of the chosen matrix, at most one pixel more on each side.
        Assert.True(window.Extent.Contains(extent));
        Assert.True(window.Extent.Width - extent.Width <= 2 * window.ResolutionX + 1e-6);
        Assert.True(window.ResolutionX <= matrix.Resolution * factor * (1 + 1e-6) || expected == "13");
    }

    [Fact]
    public async Task An_upstream_answering_500_fails_as_unavailable_after_the_retries()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var (matrix, _) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        var source = (RemoteWmtsSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWmts, Definition(proxy.BaseUrl, "rest", FastPolicy with { BreakerMinimumThroughput = 100 }), 3857);
        var before = proxy.Requests;
        proxy.Mode = ProxyMode.Fail500;
        var error = await Assert.ThrowsAsync<ServiceException>(async () =>
            await source.ReadAsync(new RasterReadRequest(Block(matrix, row, col, 1), matrix.Resolution, matrix.Resolution), CancellationToken.None));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.StartsWith("Upstream unavailable", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + FastPolicy.MaxRetries, proxy.Requests - before);

        // Back: the next read succeeds.
        proxy.Mode = ProxyMode.Pass;
        using var window = await source.ReadAsync(new RasterReadRequest(Block(matrix, row, col, 1), matrix.Resolution, matrix.Resolution), CancellationToken.None);
        Assert.NotNull(window);
    }

    [Fact]
    public async Task A_connection_reset_fails_as_unavailable()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var (matrix, _) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        var source = (RemoteWmtsSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWmts, Definition(proxy.BaseUrl, "kvp"), 3857);
        proxy.Mode = ProxyMode.Reset;
        var error = await Assert.ThrowsAsync<ServiceException>(async () =>
            await source.ReadAsync(new RasterReadRequest(Block(matrix, row, col, 1), matrix.Resolution, matrix.Resolution), CancellationToken.None));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
    }

    [Fact]
    public async Task A_hung_upstream_times_out_instead_of_hanging()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var (matrix, _) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        var policy = FastPolicy with { AttemptTimeout = TimeSpan.FromMilliseconds(300), TotalTimeout = TimeSpan.FromSeconds(1), BreakerMinimumThroughput = 100 };
        var source = (RemoteWmtsSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWmts, Definition(proxy.BaseUrl, "rest", policy), 3857);
        proxy.Mode = ProxyMode.Slow;
        proxy.Delay = TimeSpan.FromSeconds(30);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ServiceException>(async () =>
            await source.ReadAsync(new RasterReadRequest(Block(matrix, row, col, 1), matrix.Resolution, matrix.Resolution), CancellationToken.None));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        // 1 s of total timeout; the bound leaves room for a loaded machine and is still far below the 30 s hang.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_breaker_opens_on_failures_stops_calling_the_upstream_and_closes_when_it_is_back()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        var (matrix, _) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        // The call made while the breaker is open must come within its break: 5 s leaves room for a loaded machine.
        var policy = FastPolicy with { MaxRetries = 0, BreakDuration = TimeSpan.FromSeconds(5) };
        var source = (RemoteWmtsSource)await OpenReadyAsync(new RemoteSourceMonitor(), SourceKind.RemoteWmts, Definition(proxy.BaseUrl, "rest", policy), 3857);
        var request = new RasterReadRequest(Block(matrix, row, col, 1), matrix.Resolution, matrix.Resolution);
        proxy.Mode = ProxyMode.Fail500;
        for (var i = 0; i < policy.BreakerMinimumThroughput; i++)
            await Assert.ThrowsAsync<ServiceException>(async () => await source.ReadAsync(request, CancellationToken.None));

        var before = proxy.Requests;
        var open = await Assert.ThrowsAsync<ServiceException>(async () => await source.ReadAsync(request, CancellationToken.None));
        Assert.Contains("circuit open", open.Message, StringComparison.Ordinal);
        Assert.Equal(before, proxy.Requests);

        proxy.Mode = ProxyMode.Pass;
        await Task.Delay(policy.BreakDuration + TimeSpan.FromMilliseconds(300));
        using var window = await source.ReadAsync(request, CancellationToken.None);
        Assert.NotNull(window);
        Assert.True(proxy.Requests > before);
    }

    [Fact]
    public async Task A_layer_whose_upstream_starts_late_is_unavailable_then_recovers_through_the_refresher()
    {
        await using var proxy = await FaultyProxy.StartAsync(upstream.BaseUrl);
        proxy.Mode = ProxyMode.Reset;
        var monitor = new RemoteSourceMonitor();
        var source = (RemoteWmtsSource)Open(monitor, SourceKind.RemoteWmts, Definition(proxy.BaseUrl, "auto"), 3857);
        var refresher = new RemoteCapabilitiesRefresher(monitor, Microsoft.Extensions.Logging.Abstractions.NullLogger<RemoteCapabilitiesRefresher>.Instance);
        await refresher.RefreshDueAsync(CancellationToken.None);
        Assert.False(source.IsReady);
        Assert.Single(monitor.Unavailable);
        var (matrix, _) = await MatrixAsync("12");
        var (row, col) = TileOf(matrix, 6.08, 44.56);
        var request = new RasterReadRequest(Block(matrix, row, col, 1), matrix.Resolution, matrix.Resolution);
        var error = await Assert.ThrowsAsync<ServiceException>(async () => await source.ReadAsync(request, CancellationToken.None));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Contains("capabilities", error.Message, StringComparison.Ordinal);

        proxy.Mode = ProxyMode.Pass;
        await Task.Delay(FastPolicy.CapabilitiesRetryInterval + TimeSpan.FromMilliseconds(50));
        await refresher.RefreshDueAsync(CancellationToken.None);
        Assert.True(source.IsReady, source.LastError);
        Assert.Empty(monitor.Unavailable);
        using var window = await source.ReadAsync(request, CancellationToken.None);
        Assert.NotNull(window);

        // A failed refresh later keeps the last good capabilities: the layer keeps serving.
        proxy.Mode = ProxyMode.Fail500;
        Assert.False(await source.RefreshCapabilitiesAsync(CancellationToken.None));
        Assert.True(source.IsReady);
        source.Dispose();
        Assert.Empty(monitor.Sources);
    }
}
