using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// The <c>next</c> / <c>previous</c> URIs of a paged response (WFS-Q3, WFS-Q4): absolute KVP URLs on the public base
/// URL that repeat every parameter of the request as sent (GET query or POSTed form) and replace only
/// STARTINDEX and COUNT (and RESULTTYPE, so that the <c>next</c> of a hits response returns the first page).
/// POSTed XML requests get no links: their query has no KVP form to repeat faithfully.
/// </summary>
public sealed class WfsPageLinks(string endpointUrl, IReadOnlyList<KeyValuePair<string, string>> parameters)
{
    private static readonly HashSet<string> Replaced = new(StringComparer.OrdinalIgnoreCase) { "STARTINDEX", "COUNT", "MAXFEATURES", "RESULTTYPE" };

    /// <summary>The links of the request in <paramref name="context"/>, or null for an XML request.</summary>
    public static WfsPageLinks? For(HttpContext context, string endpointUrl, bool isXml)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (isXml)
            return null;
        var request = context.Request;
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source =
            request.HasFormContentType && request.Form.Count > 0 ? request.Form : request.Query;
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in source)
        {
            if (!Replaced.Contains(name))
                parameters.Add(new(name, values.Count > 0 ? values[0] ?? "" : ""));
        }
        return new WfsPageLinks(endpointUrl, parameters);
    }

    public string Page(long startIndex, int count)
    {
        var url = new StringBuilder(endpointUrl).Append('?');
        foreach (var (name, value) in parameters)
            Append(url, name, value);
        Append(url, "STARTINDEX", startIndex.ToString(CultureInfo.InvariantCulture));
        Append(url, "COUNT", count.ToString(CultureInfo.InvariantCulture));
        url.Length--; // the last '&'
        return url.ToString();
    }

    private static void Append(StringBuilder url, string name, string value) =>
        url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
}
