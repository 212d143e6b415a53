using System.Globalization;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>What a GetCapabilities asks for: the sections, and whether the client's copy is current (WMTS-A4..A6).</summary>
public sealed record WmtsCapabilitiesRequest(WmtsSections Sections, bool UpToDate)
{
    public static readonly WmtsCapabilitiesRequest Full = new(WmtsSections.All, false);

    /// <summary>
    /// AcceptVersions without 1.0.0 → VersionNegotiationFailed (no locator); UpdateSequence equal to the current one →
    /// <see cref="UpToDate"/> (a document with only version and updateSequence), greater → InvalidUpdateSequence (no
    /// locator), lower → the full document. AcceptFormats is always satisfied with application/xml (WMTS-A6).
    /// </summary>
    public static WmtsCapabilitiesRequest Parse(KvpRequest kvp, string currentUpdateSequence)
    {
        if (kvp.Get("AcceptVersions") is { } versions)
        {
            var offered = versions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!offered.Contains(WmtsVersion.Current, StringComparer.Ordinal))
                throw new ServiceException(ErrorKind.InvalidParameter, "VersionNegotiationFailed",
                    $"None of the versions '{versions}' is supported; this service speaks WMTS {WmtsVersion.Current}.");
        }
        var sections = WmtsSectionsParser.Parse(kvp.Get("Sections"));
        var upToDate = false;
        if (kvp.Get("UpdateSequence") is { Length: > 0 } requested && currentUpdateSequence.Length > 0)
        {
            var comparison = Compare(requested.Trim(), currentUpdateSequence);
            if (comparison > 0)
                throw new ServiceException(ErrorKind.InvalidParameter, "InvalidUpdateSequence",
                    "UpdateSequence is greater than the current update sequence of this service.");
            upToDate = comparison == 0;
        }
        return new WmtsCapabilitiesRequest(sections, upToDate);
    }

    // Numbers compare as numbers (a revision counter), anything else (ISO timestamps) ordinally — as WMS does.
    private static int Compare(string a, string b) =>
        long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : Math.Sign(string.CompareOrdinal(a, b));
}
