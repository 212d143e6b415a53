using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>Requests and pixel/feature checks shared by the matrix and leak tests.</summary>
internal static class SecurityProbe
{
    // A parcel deep inside Gap (05061) and one inside Pelleautier (05100): within 450 m of each, every parcel
    // belongs to that commune, so an 800 m map around them shows only that commune's parcels.
    public const string GapParcel = "05061000BF0192";
    public const string PelleautierParcel = "05100000AD0230";
    public static readonly (double X, double Y) Gap = (942982.0, 6390977.0);
    public static readonly (double X, double Y) Pelleautier = (937797.9, 6382995.0);

    public static string Bbox((double X, double Y) center, double half = 400) => string.Create(CultureInfo.InvariantCulture,
        $"{center.X - half},{center.Y - half},{center.X + half},{center.Y + half}");

    /// <summary>800 m at 256 px: 1:11 160, inside the parcels style's scale range.</summary>
    public static string GetMap(string layers, (double X, double Y) center) =>
        $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={layers}&STYLES=&CRS=EPSG:2154&BBOX={Bbox(center)}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE";

    public static string GetFeatureInfo(string layer, (double X, double Y) center) =>
        $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS={layer}&QUERY_LAYERS={layer}&STYLES=&CRS=EPSG:2154&BBOX={Bbox(center, 40)}&WIDTH=64&HEIGHT=64&FORMAT=image/png&INFO_FORMAT=application/json&I=32&J=32&FEATURE_COUNT=5";

    public static string GetLegend(string layer) =>
        $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER={layer}&FORMAT=image/png&SLD_VERSION=1.1.0";

    /// <summary>The z16 WebMercatorQuad tile (x, y) holding a Lambert-93 point.</summary>
    public static (long X, long Y) Tile16((double X, double Y) lambert)
    {
        var crs = new GeoMas.Ogc.Core.Crs.CrsRegistry();
        double x = lambert.X, y = lambert.Y;
        crs.GetTransform(2154, 3857).Transform(ref x, ref y);
        const double half = 20037508.342789244;
        var size = 2 * half / 65536;
        return ((long)Math.Floor((x + half) / size), (long)Math.Floor((half - y) / size));
    }

    public static int OpaquePixels(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not an image");
        return bitmap.Pixels.Count(p => p.Alpha > 0);
    }

    public static async Task<byte[]> ImageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "image/png",
            $"{url}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(400, bytes.Length)))}");
        return bytes;
    }

    /// <summary>A WMS exception report with this code (what an unknown layer gets).</summary>
    public static async Task AssertWmsExceptionAsync(HttpClient client, string url, string code)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("ServiceException", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
    }

    public static async Task<IReadOnlySet<string>> WmsLayerNamesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace wms = "http://www.opengis.net/wms";
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.Descendants(wms + "Layer").Elements(wms + "Name").Select(e => e.Value).ToHashSet();
    }

    public static async Task<IReadOnlySet<string>> WmtsLayerNamesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace ows = "http://www.opengis.net/ows/1.1";
        XNamespace wmts = "http://www.opengis.net/wmts/1.0";
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.Descendants(wmts + "Layer").Elements(ows + "Identifier").Select(e => e.Value).ToHashSet();
    }

    public static async Task<IReadOnlySet<string>> CollectionIdsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/collections?f=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet();
    }

    public static async Task<string> OpenApiAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api?f=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonDocument?> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
