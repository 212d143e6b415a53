using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The WFS versions served on <c>/wfs</c>: 2.0.0 (preferred) and 1.1.0 for older clients. Negotiation follows
/// OWS Common §7.3.2: the first version of ACCEPTVERSIONS the server speaks wins; none → VersionNegotiationFailed.
/// </summary>
public static class WfsVersion
{
    public const string V200 = "2.0.0";
    public const string V110 = "1.1.0";

    /// <summary>Supported versions, preferred first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [V200, V110];

    /// <summary>
    /// GetCapabilities: ACCEPTVERSIONS (comma list, client's order of preference) wins over VERSION; neither → 2.0.0.
    /// A VERSION the server does not speak falls back to the highest one, as WMS negotiation does.
    /// </summary>
    public static string NegotiateCapabilities(string? acceptVersions, string? version)
    {
        if (!string.IsNullOrWhiteSpace(acceptVersions))
        {
            foreach (var offered in acceptVersions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Normalize(offered) is { } supported)
                    return supported;
            }
            throw new ServiceException(ErrorKind.InvalidParameter, "VersionNegotiationFailed",
                $"None of the versions '{acceptVersions}' is supported; this service speaks WFS {string.Join(", ", Supported)}.", "AcceptVersions");
        }
        return Normalize(version) ?? V200;
    }

    /// <summary>
    /// Every other operation: VERSION is required (WFS 2.0 §7.6.2.4) and must be one the server speaks.
    /// </summary>
    public static string ParseForOperation(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
            throw ServiceException.Missing("version");
        return Normalize(version)
            ?? throw new ServiceException(ErrorKind.InvalidParameter, "InvalidParameterValue",
                $"version={version} is not supported; this service speaks WFS {string.Join(", ", Supported)}.", "version");
    }

    /// <summary>The version an error report is written in when the request is not understood far enough.</summary>
    public static string ForErrors(string? version) => Normalize(version) ?? V200;

    /// <summary>"2.0.0" and "2.0" (some clients shorten it) are 2.0.0; "1.1.0" and "1.1" are 1.1.0.</summary>
    public static string? Normalize(string? version) => version?.Trim() switch
    {
        "2.0.0" or "2.0" or "2.0.2" => V200,
        "1.1.0" or "1.1" => V110,
        _ => null,
    };
}
