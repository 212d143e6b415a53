using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wms;

/// <summary>GetMap → MapRequest (WMS-G1..G5, M1..M12, E1..E3, D2, D3, §1.9), asserted on what the renderer receives.</summary>
public sealed class WmsGetMapTests
{
    private const string Base = "VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=940000,6384000,950000,6394000&WIDTH=400&HEIGHT=300&FORMAT=image/png";

    private static async Task<(HttpResponseMessage Response, MapRequest? Map)> Render(WmsTestHost host, string query)
    {
        var response = await host.GetAsync(query);
        await response.Content.LoadIntoBufferAsync();
        return (response, host.Renderer.Requests.TryDequeue(out var map) ? map : null);
    }

    [Fact]
    public async Task A_plain_getmap_becomes_one_map_request()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, Base);

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(map);
        Assert.Equal(2154, map.Srid);
        Assert.Equal((940000d, 6384000d, 950000d, 6394000d), (map.Bbox.MinX, map.Bbox.MinY, map.Bbox.MaxX, map.Bbox.MaxY));
        Assert.Equal((400, 300), (map.Width, map.Height));
        var layer = Assert.Single(map.Layers);
        Assert.Equal(("communes", "default"), (layer.Layer.Id, layer.Style?.Name));
        Assert.False(map.Transparent);
        Assert.Equal(RgbaColor.White, map.Background);
        Assert.Equal(MapRequest.StandardDpi, map.Dpi);
        Assert.Equal((400, 300), FakePng.ReadSize(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    // WMS-G1 names case-insensitive, WMS-G5 no SERVICE, WMS-G2 extra parameters ignored, WMS-G3 escapes.
    [InlineData("VeRsIoN=1.3.0&ReQuEsT=GetMap&LaYeRs=communes&StYlEs=&CrS=EPSG:2154&BbOx=940000,6384000,950000,6394000&WiDtH=400&HeIgHt=300&FoRmAt=image%2Fpng")]
    [InlineData(Base + "&SERVICE=WMS&VENDOR_THING=1")]
    [InlineData("VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG%3A2154&BBOX=940000%2C6384000%2C950000%2C6394000&WIDTH=400&HEIGHT=300&FORMAT=image%2Fpng")]
    // WMS-G4 exponent and explicit sign.
    [InlineData("VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=9.4E5,%2B6.384e6,950000.0,6394E3&WIDTH=400&HEIGHT=300&FORMAT=image/png")]
    public async Task Parameter_spelling_variants_give_the_same_map(string query)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, query);
        Assert.NotNull(map);
        Assert.Equal((940000d, 6384000d, 950000d, 6394000d), (map.Bbox.MinX, map.Bbox.MinY, map.Bbox.MaxX, map.Bbox.MaxY));
    }

    [Fact]
    public async Task Exponent_bbox_of_the_ets_parses_in_crs84()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, "VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=CRS:84&BBOX=-.0005E1,-25E-4,%2B05E-3,.00025E%2B1&WIDTH=400&HEIGHT=200&FORMAT=image/png");
        Assert.NotNull(map);
        Assert.Equal((-0.005, -0.0025, 0.005, 0.0025), (map.Bbox.MinX, map.Bbox.MinY, map.Bbox.MaxX, map.Bbox.MaxY));
    }

    [Theory]
    // TRAP-1: the same lon/lat window in three spellings.
    [InlineData("VERSION=1.3.0&CRS=EPSG:4326&BBOX=44.5,6.0,44.6,6.2")]
    [InlineData("VERSION=1.3.0&CRS=CRS:84&BBOX=6.0,44.5,6.2,44.6")]
    [InlineData("VERSION=1.1.1&SRS=EPSG:4326&BBOX=6.0,44.5,6.2,44.6")]
    public async Task Axis_order_depends_on_version_and_crs(string crsAndBbox)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, "REQUEST=GetMap&LAYERS=communes&STYLES=&WIDTH=400&HEIGHT=300&FORMAT=image/png&" + crsAndBbox);
        Assert.NotNull(map);
        Assert.Equal(4326, map.Srid);
        Assert.Equal((6.0, 44.5, 6.2, 44.6), (map.Bbox.MinX, map.Bbox.MinY, map.Bbox.MaxX, map.Bbox.MaxY));
    }

    [Fact]
    public async Task Groups_draw_their_members_bottom_to_top_in_layer_order()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, Base.Replace("LAYERS=communes", "LAYERS=parcelles,fond_plan", StringComparison.Ordinal));
        Assert.NotNull(map);
        Assert.Equal(["parcelles", "ortho", "routes", "communes"], map.Layers.Select(l => l.Layer.Id));
        Assert.Null(map.Layers[1].Style); // the raster has no style
        Assert.Equal("default", map.Layers[3].Style?.Name);
    }

    [Theory]
    [InlineData("communes,routes", "", "default,default")]
    [InlineData("communes,routes", ",", "default,default")]
    [InlineData("communes,routes", "labels,", "labels,default")]
    [InlineData("communes,routes", "default,default", "default,default")]
    [InlineData("communes,routes,parcelles", "labels,,default", "labels,default,default")]
    public async Task Styles_empty_or_named_per_layer(string layers, string styles, string expected)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, Base.Replace("LAYERS=communes&STYLES=", $"LAYERS={layers}&STYLES={styles}", StringComparison.Ordinal));
        Assert.NotNull(map);
        Assert.Equal(expected.Split(','), map.Layers.Select(l => l.Style?.Name));
    }

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("image/png; mode=8bit", "image/png")]
    [InlineData("image/png8", "image/png")]
    [InlineData("image/png; mode=24bit", "image/png")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("image/webp", "image/webp")]
    public async Task Each_advertised_format_comes_back_with_its_content_type(string format, string contentType)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, Base.Replace("FORMAT=image/png", "FORMAT=" + Uri.EscapeDataString(format), StringComparison.Ordinal));
        Assert.NotNull(map);
        Assert.Equal(ImageFormat.Find(format), map.Format);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("", false, 255, 255, 255)]
    [InlineData("&TRANSPARENT=TRUE", true, 255, 255, 255)]
    [InlineData("&TRANSPARENT=false&BGCOLOR=0x0000FF", false, 0, 0, 255)]
    [InlineData("&transparent=true&bgcolor=0xFF0000", true, 255, 0, 0)]
    public async Task Transparent_and_bgcolor(string extra, bool transparent, byte r, byte g, byte b)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, Base + extra);
        Assert.NotNull(map);
        Assert.Equal(transparent, map.Transparent);
        Assert.Equal(new RgbaColor(r, g, b), map.Background);
    }

    [Fact]
    public async Task Transparent_is_ignored_for_jpeg()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, Base.Replace("image/png", "image/jpeg", StringComparison.Ordinal) + "&TRANSPARENT=TRUE");
        Assert.NotNull(map);
        Assert.False(map.Transparent);
    }

    [Theory]
    [InlineData("&DPI=180", 180)]
    [InlineData("&MAP_RESOLUTION=144", 144)]
    [InlineData("&FORMAT_OPTIONS=antialias:full;dpi:300", 300)]
    public async Task Dpi_comes_from_any_of_the_three_vendor_parameters(string extra, double dpi)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, Base + extra);
        Assert.NotNull(map);
        Assert.Equal(dpi, map.Dpi);
    }

    [Fact]
    public async Task Non_square_bbox_is_stretched_to_the_exact_size()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, Base.Replace("WIDTH=400&HEIGHT=300", "WIDTH=8&HEIGHT=5", StringComparison.Ordinal));
        Assert.NotNull(map);
        Assert.Equal((8, 5), (map.Width, map.Height));
        Assert.Equal(10000, map.Bbox.Width);
        Assert.Equal((8, 5), FakePng.ReadSize(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Bbox_outside_the_crs_domain_still_renders()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, "VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=CRS:84&BBOX=-10,90,10,110&WIDTH=100&HEIGHT=100&FORMAT=image/png");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(map);
    }

    [Fact]
    public async Task Time_absent_on_a_time_layer_uses_the_default_and_says_so()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, Base.Replace("LAYERS=communes", "LAYERS=communes,plu_zones", StringComparison.Ordinal).Replace("STYLES=", "STYLES=,", StringComparison.Ordinal));
        Assert.NotNull(map);
        Assert.Null(map.Time); // in force today
        Assert.Equal("99 Default value used: time=2023-01-10 ISO8601", response.Headers.GetValues("Warning").Single());
    }

    [Fact]
    public async Task No_warning_without_a_time_layer()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, _) = await Render(host, Base);
        Assert.False(response.Headers.Contains("Warning"));
    }

    [Theory]
    [InlineData("2019-06-15", "2019-06-15T00:00:00+00:00/2019-06-15T00:00:00+00:00")]
    [InlineData("2019-06-15T10:30:00Z", "2019-06-15T10:30:00+00:00/2019-06-15T10:30:00+00:00")]
    [InlineData("2015-03-01/2019-06-15", "2015-03-01T00:00:00+00:00/2019-06-15T00:00:00+00:00")]
    [InlineData("2015-03-01/2019-06-15/P1D", "2015-03-01T00:00:00+00:00/2019-06-15T00:00:00+00:00")]
    [InlineData("2015-03-01,2019-06-15", "2015-03-01T00:00:00+00:00/2015-03-01T00:00:00+00:00;2019-06-15T00:00:00+00:00/2019-06-15T00:00:00+00:00")]
    [InlineData("2015-03-01/2016-01-01,2019-06-15", "2015-03-01T00:00:00+00:00/2016-01-01T00:00:00+00:00;2019-06-15T00:00:00+00:00/2019-06-15T00:00:00+00:00")]
    [InlineData("2019", "2019-01-01T00:00:00+00:00/2019-12-31T23:59:59+00:00")]
    public async Task Time_values_become_ranges_without_warning(string time, string expected)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, Base.Replace("LAYERS=communes", "LAYERS=plu_zones", StringComparison.Ordinal) + "&TIME=" + Uri.EscapeDataString(time));
        Assert.NotNull(map?.Time);
        Assert.Equal(expected, string.Join(";", map.Time.Ranges.Select(r => $"{r.Start:yyyy-MM-ddTHH:mm:sszzz}/{r.End:yyyy-MM-ddTHH:mm:sszzz}")));
        Assert.False(response.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task Time_current_is_the_default_selection()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, map) = await Render(host, Base.Replace("LAYERS=communes", "LAYERS=plu_zones", StringComparison.Ordinal) + "&TIME=current");
        Assert.NotNull(map);
        Assert.Null(map.Time);
        Assert.False(response.Headers.Contains("Warning"));
    }

    [Theory]
    [InlineData("INIMAGE", "image/png", true)]
    [InlineData("BLANK", "image/png", false)]
    [InlineData("application/vnd.ogc.se_inimage", "image/png", true)]
    [InlineData("application/vnd.ogc.se_blank", "image/png", false)]
    public async Task Image_exceptions_come_in_the_requested_format(string exceptions, string mime, bool hasMessage)
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(Base.Replace("LAYERS=communes", "LAYERS=nope", StringComparison.Ordinal) + "&EXCEPTIONS=" + exceptions);
        Assert.Equal(mime, response.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(host.Renderer.Messages);
        Assert.Equal((400, 300), (message.Width, message.Height));
        Assert.Equal(hasMessage, message.Message?.Contains("LayerNotDefined", StringComparison.Ordinal) ?? false);
        Assert.Empty(host.Renderer.Requests);
    }

    [Fact]
    public async Task Blank_exception_uses_bgcolor_when_opaque_and_transparency_when_asked()
    {
        await using var host = await WmsTestHost.StartAsync();
        var bad = Base.Replace("LAYERS=communes", "LAYERS=nope", StringComparison.Ordinal) + "&EXCEPTIONS=BLANK";
        (await host.GetAsync(bad + "&TRANSPARENT=FALSE&BGCOLOR=0xFF0000")).Dispose();
        (await host.GetAsync(bad + "&TRANSPARENT=TRUE")).Dispose();
        var messages = host.Renderer.Messages.ToArray();
        Assert.Equal((false, new RgbaColor(255, 0, 0)), (messages[0].Transparent, messages[0].Background));
        Assert.True(messages[1].Transparent);
    }

    [Fact]
    public async Task Image_exception_falls_back_to_xml_when_no_image_can_be_drawn()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(Base.Replace("FORMAT=image/png", "FORMAT=image/bogus", StringComparison.Ordinal) + "&EXCEPTIONS=INIMAGE");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("InvalidFormat", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maximum_size_and_layer_limit_are_accepted()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, map) = await Render(host, "VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes,routes,parcelles,plu_zones,ortho&STYLES=&CRS=EPSG:2154&BBOX=940000,6384000,950000,6394000&WIDTH=2048&HEIGHT=2048&FORMAT=image/png");
        Assert.NotNull(map);
        Assert.Equal(5, map.Layers.Count);
    }

    [Fact]
    public async Task Head_validates_and_answers_the_image_type_without_rendering()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/wms?" + Base));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(host.Renderer.Requests);
    }

    [Fact]
    public async Task Renders_beyond_the_queue_are_refused_with_503_and_never_hang()
    {
        var limits = new Core.Catalog.ServiceLimits { MaxConcurrentRenders = 1, MaxQueuedRenders = 1, RenderTimeout = TimeSpan.FromSeconds(20) };
        await using var host = await WmsTestHost.StartAsync(TestCatalog.Build(limits));
        host.Renderer.Block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = host.GetAsync(Base);
        var queued = host.GetAsync(Base);
        // Both admitted (one rendering, one queued) before the third comes; how long that takes depends on the machine.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((host.Renderer.Requests.IsEmpty || host.Gate.InFlight < 2) && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        Assert.Equal(2, host.Gate.InFlight);

        using var refused = await host.GetAsync(Base);
        Assert.Equal(503, (int)refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("NoApplicableCode", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        host.Renderer.Block.SetResult();
        using var first = await running;
        using var second = await queued;
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/png", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_render_over_the_timeout_answers_503()
    {
        var limits = new Core.Catalog.ServiceLimits { MaxConcurrentRenders = 1, RenderTimeout = TimeSpan.FromMilliseconds(100) };
        await using var host = await WmsTestHost.StartAsync(TestCatalog.Build(limits));
        host.Renderer.Block = new TaskCompletionSource();
        using var response = await host.GetAsync(Base);
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
    }
}
