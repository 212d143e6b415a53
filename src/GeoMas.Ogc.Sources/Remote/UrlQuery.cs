using System.Text;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>Appends KVP parameters to an upstream endpoint that may already carry a query (API keys, MAP=...).</summary>
internal static class UrlQuery
{
    public static Uri Append(Uri endpoint, IEnumerable<(string Name, string Value)> parameters)
    {
        var text = new StringBuilder(endpoint.GetLeftPart(UriPartial.Path));
        var existing = endpoint.Query.TrimStart('?');
        var first = true;
        if (existing.Length > 0)
        {
            text.Append('?').Append(existing);
            first = false;
        }
        foreach (var (name, value) in parameters)
        {
            text.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }
        return new Uri(text.ToString());
    }

    /// <summary>The endpoint without the parameters the cascade sets itself (SERVICE, REQUEST, ...), keeping the others.</summary>
    public static Uri Without(Uri endpoint, params string[] names)
    {
        var kept = endpoint.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !names.Contains(pair.Split('=')[0], StringComparer.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return new Uri(endpoint.GetLeftPart(UriPartial.Path) + (query.Length > 0 ? "?" + query : ""));
    }
}
