namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// A valid request the fuzzer starts from, written as <c>METHOD /path?name=value&amp;…</c> with decoded values
/// (the generator encodes them). The path's segments are sent as written.
/// </summary>
public sealed record FuzzTemplate(string Name, FuzzProtocol Protocol, string Method, IReadOnlyList<string> Segments,
    IReadOnlyList<FuzzParameter> Query, string? Body = null, string? ContentType = null)
{
    public static FuzzTemplate Get(string name, FuzzProtocol protocol, string url) => Parse(name, protocol, "GET", url, null, null);

    public static FuzzTemplate Post(string name, FuzzProtocol protocol, string url, string body, string contentType) =>
        Parse(name, protocol, "POST", url, body, contentType);

    private static FuzzTemplate Parse(string name, FuzzProtocol protocol, string method, string url, string? body, string? contentType)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = new List<FuzzParameter>();
        if (question >= 0)
        {
            // '&' separates parameters: a value that needs one (none of the templates) would be split.
            foreach (var pair in url[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                query.Add(equals < 0 ? new FuzzParameter(pair, null) : new FuzzParameter(pair[..equals], pair[(equals + 1)..]));
            }
        }
        return new FuzzTemplate(name, protocol, method, segments, query, body, contentType);
    }

    public FuzzRequest AsRequest(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(Name, Protocol, Method, Segments, Query, headers, Body, ContentType, ["valid"]);
}
