using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Query parameter rules of OGC API (TRAP-9, OAF-P6): names are case-sensitive, a parameter the API definition does
/// not declare is a 400, and a declared parameter given twice is a 400 rather than a silent pick.
/// </summary>
public static class OgcApiQuery
{
    public static void RejectUnknown(IQueryCollection query, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (name, _) in query)
        {
            if (!isKnown(name))
                throw ServiceException.Invalid(name, $"Unknown query parameter '{name}': it is not declared in the API definition (/api).");
        }
    }

    /// <summary>Only <c>f</c> is allowed (landing page, conformance, collections…).</summary>
    public static void OnlyFormat(IQueryCollection query) => RejectUnknown(query, static name => name == "f");

    /// <summary>The value of a parameter given at most once; null when absent.</summary>
    public static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
            return null;
        if (values.Count > 1)
            throw ServiceException.Invalid(name, $"Parameter '{name}' is given {values.Count} times; give it once.");
        return values[0] ?? "";
    }
}
