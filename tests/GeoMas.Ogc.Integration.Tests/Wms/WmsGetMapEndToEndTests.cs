using System.Net;
using GeoMas.Ogc.Integration.Tests.Goldens;
using GeoMas.Ogc.Integration.Tests.Server;
using SkiaSharp;
using static GeoMas.Ogc.Integration.Tests.Wms.WmsResponses;

namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>
/// GetMap through the real server composition (GeoMasApp: catalog, source, SkiaMapRenderer, encoders) on real data,
/// asserted on the decoded pixels: the checklist lines the protocol tests could only prove with a fake renderer.
/// Runs once per source (GeoPackage, PostGIS): the data is the same, so every expectation is too.
/// </summary>
public abstract class WmsGetMapEndToEndTests(HttpClient client)
{
    /// <summary>1 km² over the centre of Gap (EPSG:2154): buildings, parcels, roads, PLU.</summary>
    internal const string GapCentre = "944000,6388700,945000,6389700";

    /// <summary>A square in the Île-de-France region: the dataset (Hautes-Alpes, Alpes-de-Haute-Provence) is far away.</summary>
    internal const string NoData = "650000,6850000,660000,6860000";

    /// <summary>
    /// Lies entirely inside PLU zone 167 (typezone A, in force today; largest inscribed circle centred
    /// 944468.7,6384592.8 with radius 931 m, found with ST_MaximumInscribedCircle on geomas.plu_zones).
    /// </summary>
    internal const string InsidePluZone167 = "944100,6384300,944800,6384800";

    private static string Map(string layers, string crs, string bbox, int width, int height, string extra = "") =>
        $"{GetMap130}&LAYERS={layers}&CRS={crs}&BBOX={bbox}&WIDTH={width.ToString(System.Globalization.CultureInfo.InvariantCulture)}&HEIGHT={height.ToString(System.Globalization.CultureInfo.InvariantCulture)}&FORMAT=image/png{extra}";

    // ------------------------------------------------------------------ WMS-M7

    [Theory]
    [InlineData("plan", "EPSG:2154", NoData, 64, 64)]
    [InlineData("communes", "CRS:84", "-10,90,10,110", 100, 100)] // outside the CRS domain: clamp, no exception
    [InlineData("communes", "EPSG:4326", "90,-10,110,10", 100, 100)] // the same in 1.3.0 lat/lon order
    [InlineData("plan", "EPSG:3857", "-1000000,-1000000,-900000,-900000", 50, 50)] // Gulf of Guinea
    public async Task A_bbox_without_data_gives_an_all_white_image(string layers, string crs, string bbox, int width, int height)
    {
        var (_, image, _) = await GetImageAsync(client, Map(layers, crs, bbox, width, height));

        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.All(image.Pixels(), p => Assert.Equal(Rgba.White, p));
    }

    // ------------------------------------------------------------------ WMS-M8

    [Theory]
    [InlineData(10, 7)]
    [InlineData(100, 70)]
    public async Task Pixels_are_areas_so_a_bbox_inside_one_polygon_has_no_background_on_its_border(int width, int height)
    {
        var (_, image, _) = await GetImageAsync(client, Map("plu_zones", "EPSG:2154", InsidePluZone167, width, height));

        Assert.All(image.BorderPixels(), p => Assert.True(p.Colour != Rgba.White, $"background at ({p.X},{p.Y})"));
        // One zone, one fill (the most common colour; the zone's label may sit in the middle): every border pixel
        // has it exactly, where anti-aliasing of a half-covered edge pixel would show a lighter colour.
        var fill = image.Pixels().GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        Assert.NotEqual(Rgba.White, fill);
        Assert.All(image.BorderPixels(), p => Assert.True(p.Colour.DistanceTo(fill) <= 2, $"({p.X},{p.Y}) is {p.Colour}, the fill is {fill}"));
    }

    // ------------------------------------------------------------------ WMS-M9

    [Theory]
    [InlineData(8, 5)]
    [InlineData(1024, 768)]
    [InlineData(300, 100)]
    [InlineData(1, 1)]
    public async Task Output_is_exactly_width_by_height_even_when_the_aspect_differs(int width, int height)
    {
        var (_, image, _) = await GetImageAsync(client, Map("plan", "EPSG:2154", GapCentre, width, height)); // square bbox

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_non_square_request_stretches_the_map()
    {
        // PLU zones at 1:50 000 draw fills and hairlines only (no labels, which keep their shape): the map of a
        // square bbox at 400×200, squeezed back to 200×200, must be the 200×200 map.
        const string bbox = "940000,6383000,950000,6393000";
        var (_, square, _) = await GetImageAsync(client, Map("plu_zones", "EPSG:2154", bbox, 200, 200));
        var (_, wide, _) = await GetImageAsync(client, Map("plu_zones", "EPSG:2154", bbox, 400, 200));

        var squeezed = wide.Resized(200, 200);
        var comparison = ImageComparer.Compare(square, squeezed, new ImageTolerance(MaxChannelDistance: 64, MaxDifferingProportion: 0.03));
        Assert.True(comparison.Passed, comparison.ToString());
        var shifted = ImageComparer.Compare(square, squeezed.Shifted(8, 0, Rgba.White), new ImageTolerance(64, 0.03));
        Assert.False(shifted.Passed, "the comparison cannot tell a stretched map from a shifted one: " + shifted);
    }

    // ------------------------------------------------------------------ WMS-M11

    [Theory]
    [InlineData("image/png", "", false)]
    [InlineData("image/png", "&TRANSPARENT=FALSE", false)]
    [InlineData("image/png", "&TRANSPARENT=TRUE", true)]
    [InlineData("image/png; mode=8bit", "", false)]
    [InlineData("image/png; mode=8bit", "&TRANSPARENT=TRUE", true)]
    [InlineData("image/webp", "&TRANSPARENT=TRUE", true)]
    [InlineData("image/png; mode=24bit", "&TRANSPARENT=TRUE", false)] // no alpha channel: drawn on BGCOLOR
    [InlineData("image/jpeg", "&TRANSPARENT=TRUE", false)]
    public async Task Transparent_pixels_only_when_asked_and_the_format_has_alpha(string format, string transparent, bool expectTransparent)
    {
        var url = Map("batiments", "EPSG:2154", GapCentre, 300, 300, transparent).Replace("FORMAT=image/png", "FORMAT=" + Uri.EscapeDataString(format), StringComparison.Ordinal);
        var contentType = format.StartsWith("image/png", StringComparison.Ordinal) ? "image/png" : format;
        var (_, image, _) = await GetImageAsync(client, url, contentType);

        var transparentPixels = image.Pixels().Count(p => p.A == 0);
        var opaquePixels = image.Pixels().Count(p => p.IsOpaque);
        if (expectTransparent)
        {
            // Streets and yards between the buildings are uncovered; the buildings themselves are opaque.
            Assert.InRange(transparentPixels, image.Width * image.Height / 20, image.Width * image.Height * 19 / 20);
            Assert.True(opaquePixels > image.Width * image.Height / 20, $"{opaquePixels} opaque pixels");
        }
        else
        {
            Assert.Equal(image.Width * image.Height, opaquePixels);
        }
    }

    // ------------------------------------------------------------------ WMS-M12

    [Theory]
    [InlineData("", 255, 255, 255)]
    [InlineData("&BGCOLOR=0x0000FF", 0, 0, 255)]
    [InlineData("&BGCOLOR=0xff8000", 255, 128, 0)]
    public async Task Uncovered_pixels_take_bgcolor(string bgcolor, byte r, byte g, byte b)
    {
        var expected = new Rgba(r, g, b, 255);
        var (_, empty, _) = await GetImageAsync(client, Map("plan", "EPSG:2154", NoData, 40, 40, bgcolor));
        Assert.All(empty.Pixels(), p => Assert.Equal(expected, p));

        // Over data: the background shows between the buildings and is the most common colour there.
        var (_, map, _) = await GetImageAsync(client, Map("batiments", "EPSG:2154", GapCentre, 200, 200, bgcolor));
        var modal = map.Pixels().GroupBy(p => p).MaxBy(g => g.Count())!;
        Assert.Equal(expected, modal.Key);
        Assert.True(modal.Count() < 200 * 200 * 0.9, "the buildings are missing");
    }

    // ------------------------------------------------------------------ WMS-E2, WMS-E3

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("image/png; mode=8bit", "image/png")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("image/webp", "image/webp")]
    public async Task Inimage_exceptions_draw_the_message_in_the_requested_format(string format, string contentType)
    {
        var url = Map("nope", "EPSG:2154", GapCentre, 400, 200, "&EXCEPTIONS=INIMAGE").Replace("FORMAT=image/png", "FORMAT=" + Uri.EscapeDataString(format), StringComparison.Ordinal);
        var (_, image, _) = await GetImageAsync(client, url, contentType);

        Assert.Equal((400, 200), (image.Width, image.Height));
        // The text: dark pixels on the white background.
        var ink = image.Pixels().Count(p => p.DistanceTo(Rgba.White) > 128);
        Assert.InRange(ink, 100, 400 * 200 / 4);
    }

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("image/png; mode=8bit", "image/png")]
    [InlineData("image/png; mode=24bit", "image/png")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("image/webp", "image/webp")]
    public async Task Blank_exceptions_are_all_bgcolor_when_opaque(string format, string contentType)
    {
        var url = Map("nope", "EPSG:2154", GapCentre, 64, 48, "&EXCEPTIONS=BLANK&TRANSPARENT=FALSE&BGCOLOR=0xFF0000").Replace("FORMAT=image/png", "FORMAT=" + Uri.EscapeDataString(format), StringComparison.Ordinal);
        var (_, image, _) = await GetImageAsync(client, url, contentType);

        Assert.Equal((64, 48), (image.Width, image.Height));
        // JPEG and lossy WebP may move a flat colour by a few levels.
        Assert.All(image.Pixels(), p => Assert.True(p.IsOpaque && p.DistanceTo(Rgba.Red) <= 6, p.ToString()));
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/png; mode=8bit")]
    [InlineData("image/webp")]
    public async Task Blank_exceptions_are_all_transparent_when_asked(string format)
    {
        var url = Map("nope", "EPSG:2154", GapCentre, 64, 48, "&EXCEPTIONS=BLANK&TRANSPARENT=TRUE").Replace("FORMAT=image/png", "FORMAT=" + Uri.EscapeDataString(format), StringComparison.Ordinal);
        var (_, image, _) = await GetImageAsync(client, url, format.StartsWith("image/png", StringComparison.Ordinal) ? "image/png" : format);

        Assert.All(image.Pixels(), p => Assert.Equal(0, p.A));
    }

    // ------------------------------------------------------------------ WMS-L8

    [Theory]
    [InlineData("parcelles", "890107,6288459,1028767,6455781", 400, 480)] // ≈ 1:1 240 000; parcel outlines start at 1:15 000
    [InlineData("batiments", "930000,6380000,960000,6400000", 300, 200)] // ≈ 1:357 000; buildings stop at 1:50 000
    public async Task A_layer_outside_its_scale_range_gives_an_empty_image(string layer, string bbox, int width, int height)
    {
        var (_, image, _) = await GetImageAsync(client, Map(layer, "EPSG:2154", bbox, width, height));

        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.All(image.Pixels(), p => Assert.Equal(Rgba.White, p));
    }

    // ------------------------------------------------------------------ WMS-M10: every advertised format decodes

    [Theory]
    // 32-bit PNG drops its alpha channel when the map is opaque (ImageEncoder): RGB unless TRANSPARENT=TRUE.
    [InlineData("image/png", "", "image/png", SKEncodedImageFormat.Png, PngColourType.Rgb)]
    [InlineData("image/png", "&TRANSPARENT=TRUE", "image/png", SKEncodedImageFormat.Png, PngColourType.Rgba)]
    [InlineData("image/png; mode=24bit", "&TRANSPARENT=TRUE", "image/png", SKEncodedImageFormat.Png, PngColourType.Rgb)]
    [InlineData("image/png; mode=8bit", "", "image/png", SKEncodedImageFormat.Png, PngColourType.Palette)]
    [InlineData("image/png8", "&TRANSPARENT=TRUE", "image/png", SKEncodedImageFormat.Png, PngColourType.Palette)]
    [InlineData("image/jpeg", "", "image/jpeg", SKEncodedImageFormat.Jpeg, null)]
    [InlineData("image/webp", "", "image/webp", SKEncodedImageFormat.Webp, null)]
    [InlineData("image/webp", "&TRANSPARENT=TRUE", "image/webp", SKEncodedImageFormat.Webp, null)]
    public async Task Each_format_decodes_to_a_drawn_map(string format, string transparent, string contentType, SKEncodedImageFormat encoded, PngColourType? pngColourType)
    {
        var url = Map("plan", "EPSG:2154", GapCentre, 256, 256, transparent).Replace("FORMAT=image/png", "FORMAT=" + Uri.EscapeDataString(format), StringComparison.Ordinal);
        var (_, image, bytes) = await GetImageAsync(client, url, contentType);

        Assert.Equal(encoded, image.EncodedFormat);
        Assert.Equal((256, 256), (image.Width, image.Height));
        if (pngColourType is { } colourType)
            Assert.Equal(colourType, (PngColourType)bytes[25]); // IHDR: signature 8, length 4, type 4, size 8, depth 1
        Assert.True(image.Pixels().Distinct().Count() > 16, "the map looks blank");
    }

    // ------------------------------------------------------------------ TIME (WMS-D2, D3)

    [Fact]
    public async Task Time_selects_the_plu_in_force_and_the_default_is_announced()
    {
        // Gap (05061) replaced its PLU of 2007-01-27 on 2021-06-11: 103 zones with valid_to, 117 in force today.
        const string gap = "938000,6383000,950000,6395000";
        var (byDefault, current, _) = await GetImageAsync(client, Map("plu_zones", "EPSG:2154", gap, 300, 300));
        var (in2010, old, _) = await GetImageAsync(client, Map("plu_zones", "EPSG:2154", gap, 300, 300, "&TIME=2010-06-01"));
        var (explicitDefault, currentAgain, _) = await GetImageAsync(client, Map("plu_zones", "EPSG:2154", gap, 300, 300, "&TIME=current"));

        var warning = Assert.Single(byDefault.Headers.GetValues("Warning"));
        Assert.Matches(@"^99 Default value used: time=\d{4}-\d{2}-\d{2} ISO8601$", warning);
        Assert.False(in2010.Headers.Contains("Warning"));
        Assert.False(explicitDefault.Headers.Contains("Warning"));
        var changed = ImageComparer.Compare(current, old, ImageTolerance.Goldens);
        Assert.True(changed.DifferingProportion > 0.10, "the 2010 PLU looks like today's: " + changed);
        Assert.True(ImageComparer.Compare(current, currentAgain, ImageTolerance.Exact).Passed);
    }

    // ------------------------------------------------------------------ limits and HEAD

    [Theory]
    [InlineData(4097, 100)]
    [InlineData(100, 4097)]
    [InlineData(100000, 100000)]
    public async Task A_size_above_the_advertised_maximum_is_an_exception_report(int width, int height)
    {
        var (response, exception) = await GetExceptionAsync(client, Map("plan", "EPSG:2154", GapCentre, width, height));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // WMS-E5: XML exceptions keep 200
        Assert.Equal("InvalidParameterValue", exception.Attribute("code")?.Value);
        Assert.Equal(width > 4096 ? "WIDTH" : "HEIGHT", exception.Attribute("locator")?.Value);
    }

    [Fact]
    public async Task Head_on_getmap_answers_the_headers_without_rendering_a_body()
    {
        var url = Map("plu_zones", "EPSG:2154", GapCentre, 256, 256);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("99 Default value used: time=", Assert.Single(head.Headers.GetValues("Warning")), StringComparison.Ordinal);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>PNG IHDR colour types.</summary>
public enum PngColourType : byte
{
    Rgb = 2,
    Palette = 3,
    Rgba = 6,
}

public sealed class WmsGetMapGeoPackageTests(EmbeddedServerFixture server)
    : WmsGetMapEndToEndTests(server.App.CreateClient()), IClassFixture<EmbeddedServerFixture>;

public sealed class WmsGetMapPostGisTests(PostGisServerFixture server)
    : WmsGetMapEndToEndTests(server.App.CreateClient()), IClassFixture<PostGisServerFixture>;
