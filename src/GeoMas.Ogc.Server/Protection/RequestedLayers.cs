using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// The layer names a request mentions, by every protocol's spelling: WMS LAYERS / QUERY_LAYERS / LAYER, WMTS LAYER,
/// WFS TYPENAME(S) (namespace prefix dropped), and the layer segment of /collections/{id}, /tiles/{layer} and the
/// WMTS REST path. For auditing only: the protocols do their own parsing and validation.
/// </summary>
public static class RequestedLayers
{
    private static readonly string[] Parameters = ["LAYERS", "QUERY_LAYERS", "LAYER", "TYPENAME", "TYPENAMES"];

    public static IEnumerable<string> Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (key, values) in request.Query)
        {
            if (!Parameters.Contains(key, StringComparer.OrdinalIgnoreCase))
                continue;
            foreach (var value in values)
            {
                foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    yield return name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim('(', ')');
            }
        }
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && (segments[0].Equals("collections", StringComparison.OrdinalIgnoreCase) || segments[0].Equals("tiles", StringComparison.OrdinalIgnoreCase)))
            yield return Uri.UnescapeDataString(segments[1]);
        else if (segments.Length >= 3 && segments[0].Equals("wmts", StringComparison.OrdinalIgnoreCase) && segments[1] == "1.0.0"
                 && !segments[2].EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            yield return Uri.UnescapeDataString(segments[2]);
    }
}
