using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Ows;

/// <summary>
/// The key-value pairs of an OGC GET request. Names are case-insensitive, values case-sensitive (WMS-G1);
/// names and values are percent-decoded and '+' is a space (WMS-G3, TRAP-8). A repeated name keeps its first value.
/// </summary>
public sealed class KvpRequest
{
    private readonly Dictionary<string, string> _values;

    private KvpRequest(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads the request's query string (ASP.NET Core has already decoded it).</summary>
    public static KvpRequest From(IQueryCollection query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in query)
            values.TryAdd(name, value.Count > 0 ? value[0] ?? "" : "");
        return new KvpRequest(values);
    }

    /// <summary>Parses a raw query string such as <c>?a=1&amp;B=2</c> (tests, POSTed KVP bodies).</summary>
    public static KvpRequest Parse(string queryString) => From(new QueryCollection(QueryHelpers.ParseQuery(queryString)));

    /// <summary>The value, "" when the name is present without a value, null when absent.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>The value of the first of <paramref name="names"/> present (e.g. CRS then SRS).</summary>
    public string? GetAny(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_values.TryGetValue(name, out var value))
                return value;
        }
        return null;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value; absent or empty → MissingParameterValue with the name as locator.</summary>
    public string Require(string name)
    {
        var value = Get(name);
        if (string.IsNullOrEmpty(value))
            throw ServiceException.Missing(name);
        return value;
    }
}
