using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Protocols.OgcApi.Maps;
using GeoMas.Ogc.Protocols.Tests.OgcApi.Tiles;
using GeoMas.Ogc.Protocols.Tests.Support;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.OgcApi.Maps;

/// <summary><c>/collections/{id}/map</c> (OAM-2..6): what reaches the renderer and the response headers.</summary>
public sealed class MapTests
{
    private const string L93 = "http://www.opengis.net/def/crs/EPSG/0/2154";
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    [Fact]
    public async Task Without_parameters_the_whole_collection_is_drawn_in_its_storage_crs()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.GetAsync("/collections/communes/map");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var map = Assert.Single(host.Renderer.Requests);
        Assert.Equal(2154, map.Srid);
        Assert.Equal(TestCatalog.GapExtent, map.Bbox);
        Assert.Equal((OgcApiMapParser.DefaultSize, OgcApiMapParser.DefaultSize), (map.Width, map.Height)); // a square extent
        Assert.True(map.Transparent); // no bgcolor: transparent by default (OAM-5)
        Assert.Equal("communes", Assert.Single(map.Layers).Layer.Id);
        Assert.Equal(L93, Header(response, "Content-Crs"));
        Assert.Equal("940000,6384000,950000,6394000", Header(response, "Content-Bbox"));
        Assert.False(response.Headers.Contains("Content-Datetime"));
        Assert.Equal((1024, 1024), FakePng.ReadSize(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_crs84_bbox_without_crs_draws_exactly_that_box_in_crs84()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.GetAsync("/collections/routes/map?bbox=6.05,44.55,6.10,44.60&width=400&height=300");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var map = Assert.Single(host.Renderer.Requests);
        Assert.Equal(4326, map.Srid);
        Assert.Equal(new Envelope(6.05, 6.10, 44.55, 44.60), map.Bbox);
        Assert.Equal((400, 300), (map.Width, map.Height));
        Assert.Equal(Crs84, Header(response, "Content-Crs"));
        Assert.Equal("6.05,44.55,6.1,44.6", Header(response, "Content-Bbox"));
    }

    [Fact]
    public async Task A_crs84_bbox_drawn_in_lambert_93_covers_the_projected_box()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.GetAsync($"/collections/routes/map?bbox=6.05,44.55,6.10,44.60&crs={L93}&width=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var map = Assert.Single(host.Renderer.Requests);
        Assert.Equal(2154, map.Srid);
        var corners = TestCatalog.Crs.GetTransform(4326, 2154).TransformEnvelope(new Envelope(6.05, 6.10, 44.55, 44.60));
        Assert.Equal(corners, map.Bbox);
        Assert.Equal(500, map.Width);
        Assert.Equal((int)Math.Round(500 / (corners.Width / corners.Height)), map.Height); // height from the aspect ratio
        Assert.Equal(L93, Header(response, "Content-Crs"));
    }

    [Fact]
    public async Task Epsg_4326_by_uri_reads_and_writes_latitude_first()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        const string epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
        using var response = await host.GetAsync($"/collections/routes/map?bbox=44.55,6.05,44.60,6.10&bbox-crs={epsg4326}&width=100&height=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var map = Assert.Single(host.Renderer.Requests);
        Assert.Equal(new Envelope(6.05, 6.10, 44.55, 44.60), map.Bbox); // x/y internally
        Assert.Equal(epsg4326, Header(response, "Content-Crs"));
        Assert.Equal("44.55,6.05,44.6,6.1", Header(response, "Content-Bbox"));
    }

    [Fact]
    public async Task Bgcolor_makes_the_map_opaque_on_that_colour_and_jpeg_is_never_transparent()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using (var response = await host.GetAsync("/collections/routes/map?bgcolor=0x336699&width=10&height=10"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var response = await host.GetAsync("/collections/routes/map?f=jpg&width=10&height=10"))
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        using (var response = await host.GetAsync("/collections/routes/map?transparent=false&width=10&height=10"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var maps = host.Renderer.Requests.ToArray();
        Assert.False(maps[0].Transparent);
        Assert.Equal(new RgbaColor(0x33, 0x66, 0x99), maps[0].Background);
        Assert.False(maps[1].Transparent);
        Assert.Equal("image/jpeg", maps[1].Format.MimeType);
        Assert.False(maps[2].Transparent);
    }

    [Fact]
    public async Task Accept_selects_jpeg()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections/routes/map?width=10&height=10");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/jpeg"));
        using var response = await host.Client.SendAsync(request);

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Plu_zones_are_drawn_as_in_force_today_unless_datetime_says_otherwise()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using (var today = await host.GetAsync("/collections/plu_zones/map?width=10&height=10"))
            Assert.Equal("2024-05-01", Header(today, "Content-Datetime"));
        using (var past = await host.GetAsync("/collections/plu_zones/map?width=10&height=10&datetime=2016-01-01"))
            Assert.Equal("2016-01-01", Header(past, "Content-Datetime"));

        var maps = host.Renderer.Requests.ToArray();
        Assert.Null(maps[0].Time);
        var range = Assert.Single(maps[1].Time!.Ranges);
        Assert.Equal(new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero), range.Start);
        Assert.True(range.IsInstant);
    }

    [Fact]
    public async Task Head_renders_nothing()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/collections/routes/map"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(L93, Header(response, "Content-Crs"));
        Assert.Empty(host.Renderer.Requests);
    }

    [Fact]
    public async Task The_dataset_map_draws_the_members_of_plan_bottom_to_top()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        using var response = await host.GetAsync("/map?width=200&datetime=2016-01-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var map = Assert.Single(host.Renderer.Requests);
        Assert.Equal(["plu_zones", "parcelles", "routes", "communes"], map.Layers.Select(l => l.Layer.Id));
        Assert.All(map.Layers, l => Assert.Same(l.Layer.DefaultStyle, l.Style));
        Assert.Equal(2154, map.Srid);
        Assert.Equal(TestCatalog.GapExtent, map.Bbox); // the union of the members
        Assert.Equal("2016-01-01", Header(response, "Content-Datetime")); // plu_zones' history
        Assert.NotNull(map.Time);
    }

    [Fact]
    public async Task Without_a_plan_group_there_is_no_dataset_map()
    {
        var full = Xyz.XyzTestHost.Catalog(publicBaseUrl: "https://maps.example.org/geomas");
        var snapshot = new Core.Catalog.CatalogSnapshot(full.Service, full.Sources, full.Layers.Where(l => l.Id != "plan").ToArray(),
            full.Limits, full.SupportedSrids, full.UpdateSequence);
        await using var host = await OgcApiTilesTestHost.StartAsync(snapshot);

        Assert.Equal("NotFound", await host.GetErrorAsync("/map", 404));
    }

    [Theory]
    [InlineData("width=2049")] // above the test catalog's MaxWidth (the limits WMS enforces)
    [InlineData("height=0")]
    [InlineData("width=-5")]
    [InlineData("width=abc")]
    [InlineData("bbox=1,2,3")]
    [InlineData("bbox=6.1,44.5,6.0,44.6")] // inverted
    [InlineData("bbox=6,44,7,95")] // latitude beyond 90
    [InlineData("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154")] // without bbox
    [InlineData("crs=http://www.opengis.net/def/crs/EPSG/0/32740")] // not offered
    [InlineData("transparent=maybe")]
    [InlineData("bgcolor=blue")]
    [InlineData("datetime=yesterday")]
    [InlineData("styles=default")] // undeclared
    [InlineData("width=10&width=20")]
    public async Task Bad_parameters_are_400_and_nothing_is_rendered(string query)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        await host.GetErrorAsync("/collections/plu_zones/map?" + query, 400);
        Assert.Empty(host.Renderer.Requests);
    }

    [Theory]
    [InlineData("/collections/nowhere/map")]
    [InlineData("/collections/plan/map")]
    public async Task Unknown_collections_are_404(string path)
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        Assert.Equal("NotFound", await host.GetErrorAsync(path, 404));
    }

    [Fact]
    public async Task A_format_that_is_not_offered_is_406()
    {
        await using var host = await OgcApiTilesTestHost.StartAsync();
        Assert.Equal("NotAcceptable", await host.GetErrorAsync("/collections/routes/map?f=webp", 406));
    }

    [Fact]
    public void Content_bbox_numbers_round_trip()
    {
        var request = new OgcApiMapRequest(
            new Core.Rendering.MapRequest { Bbox = new Envelope(0.1, 0.30000000000000004, 1, 2), Srid = 2154, Width = 1, Height = 1, Layers = [] },
            CrsIdentifier.Epsg(2154), null);
        var values = MapHandler.ContentBbox(request).Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([0.1, 1, 0.30000000000000004, 2], values);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.Single()
        : throw new Xunit.Sdk.XunitException($"no {name} header");
}
