using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>A JSON response of the OGC API: status, headers and the parsed body (null when the body is not JSON).</summary>
internal sealed record OgcApiResponse(HttpStatusCode Status, string? ContentType, HttpResponseMessage Message, JsonElement Json)
{
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    public IEnumerable<JsonElement> Links => Json.GetProperty("links").EnumerateArray();

    public JsonElement Link(string rel) => Links.Single(l => l.GetProperty("rel").GetString() == rel);

    public JsonElement? OptionalLink(string rel) => Links.Where(l => l.GetProperty("rel").GetString() == rel).Cast<JsonElement?>().FirstOrDefault();

    public IReadOnlyList<JsonElement> Features => Json.GetProperty("features").EnumerateArray().ToList();
}

internal static class OgcApiClient
{
    public static async Task<OgcApiResponse> GetAsync(HttpClient client, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        if (text.Length > 0 && (text[0] == '{' || text[0] == '['))
            json = JsonDocument.Parse(text).RootElement.Clone();
        return new OgcApiResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response, json);
    }

    /// <summary>A 200 JSON response, or a failed assertion showing what came instead.</summary>
    public static async Task<OgcApiResponse> GetOkAsync(HttpClient client, string url, string? accept = null)
    {
        var response = await GetAsync(client, url, accept);
        Assert.True(response.Status == HttpStatusCode.OK, $"{url} → {(int)response.Status}: {response.Json}");
        return response;
    }

    /// <summary>A 4xx/5xx with the OGC API exception body ({"code","description"}).</summary>
    public static async Task<OgcApiResponse> GetErrorAsync(HttpClient client, string url, HttpStatusCode expected, string? accept = null)
    {
        var response = await GetAsync(client, url, accept);
        Assert.True(response.Status == expected, $"{url} → {(int)response.Status}, expected {(int)expected}: {response.Json}");
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("description").GetString()));
        return response;
    }

    /// <summary>Path and query of an absolute link, for the in-memory test client.</summary>
    public static string PathOf(JsonElement link) => new Uri(link.GetProperty("href").GetString()!).PathAndQuery;
}
