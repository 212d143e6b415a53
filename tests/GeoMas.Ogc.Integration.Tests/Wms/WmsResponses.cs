using System.Net;
using System.Xml.Linq;

namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>What the end-to-end tests expect of a WMS answer: an image of a size, or an exception report.</summary>
internal static class WmsResponses
{
    public const string GetMap130 = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=";

    /// <summary>GETs <paramref name="url"/> and decodes the image, failing with the body when it is not one.</summary>
    public static async Task<(HttpResponseMessage Response, RasterImage Image, byte[] Bytes)> GetImageAsync(HttpClient client, string url, string contentType = "image/png")
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var actualType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(response.StatusCode == HttpStatusCode.OK && actualType == contentType,
            $"{url}\n→ {(int)response.StatusCode} {actualType}\n{System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 2000)])}");
        return (response, RasterImage.Decode(bytes), bytes);
    }

    /// <summary>GETs <paramref name="url"/> and returns the ServiceException element of the XML report it must be.</summary>
    public static async Task<(HttpResponseMessage Response, XElement Exception)> GetExceptionAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/xml", $"{url}\n→ {(int)response.StatusCode} {response.Content.Headers.ContentType}\n{body}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("ServiceExceptionReport", root.Name.LocalName);
        return (response, root.Elements().Single(e => e.Name.LocalName == "ServiceException"));
    }
}
