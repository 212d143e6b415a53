using System.Text;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>Builds the self/alternate links of a resource and URLs with a rewritten query string.</summary>
public static class OgcApiLinks
{
    /// <summary>
    /// <c>self</c> in the served representation and one <c>alternate</c> per other format (OAF-4, OAF-7), each URL
    /// carrying the request's other query parameters and its own <c>f</c>.
    /// </summary>
    public static IEnumerable<OgcApiLink> SelfAndAlternates(string url, IQueryCollection query,
        IReadOnlyList<OgcApiRepresentation> offers, OgcApiRepresentation current, string title)
    {
        yield return new OgcApiLink(WithQuery(url, query, ("f", current.FormatName)), "self", current.MediaType, title);
        foreach (var offer in offers.Where(o => o.FormatName != current.FormatName).DistinctBy(o => o.FormatName))
            yield return new OgcApiLink(WithQuery(url, query, ("f", offer.FormatName)), "alternate", offer.MediaType, $"{title} ({offer.FormatName})");
    }

    /// <summary><paramref name="url"/> with the request's query, where the given parameters are replaced (null value = removed).</summary>
    public static string WithQuery(string url, IQueryCollection query, params (string Name, string? Value)[] replace)
    {
        var sb = new StringBuilder(url);
        var separator = '?';
        foreach (var (name, values) in query)
        {
            if (replace.Any(r => r.Name == name))
                continue;
            foreach (var value in values)
                Append(sb, ref separator, name, value ?? "");
        }
        foreach (var (name, value) in replace)
        {
            if (value is not null)
                Append(sb, ref separator, name, value);
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ref char separator, string name, string value)
    {
        sb.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        separator = '&';
    }
}
