using System.Globalization;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// What a GetCapabilities asks for: the negotiated version, the sections and whether the client's copy is current.
/// UPDATESEQUENCE follows OWS Common 1.1 Table 6 (as WMTS does): equal → a document with only version and
/// updateSequence, greater → InvalidUpdateSequence, lower or absent → the document. ACCEPTFORMATS is always
/// satisfied with text/xml (OWS: an unsupported format falls back to the default).
/// </summary>
public sealed record WfsCapabilitiesRequest(string Version, WfsSections Sections, bool UpToDate)
{
    public static WfsCapabilitiesRequest Parse(WfsIncomingRequest request, string currentUpdateSequence)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = WfsVersion.NegotiateCapabilities(request.AcceptVersions, request.Version);
        WfsSections sections;
        string? updateSequence;
        if (request.Xml is { } xml)
        {
            sections = WfsSectionsParser.FromXml(xml);
            updateSequence = (string?)xml.Attribute("updateSequence");
        }
        else
        {
            sections = WfsSectionsParser.FromKvp(request.Kvp?.Get("SECTIONS"));
            updateSequence = request.Kvp?.Get("UPDATESEQUENCE");
        }
        var upToDate = false;
        if (!string.IsNullOrWhiteSpace(updateSequence) && currentUpdateSequence.Length > 0)
        {
            var comparison = Compare(updateSequence.Trim(), currentUpdateSequence);
            if (comparison > 0)
                throw new ServiceException(ErrorKind.InvalidParameter, "InvalidUpdateSequence",
                    "UpdateSequence is greater than the current update sequence of this service.", "UpdateSequence");
            upToDate = comparison == 0;
        }
        return new WfsCapabilitiesRequest(version, sections, upToDate);
    }

    // Numbers compare as numbers (a revision counter), anything else (ISO timestamps) ordinally — as WMS and WMTS do.
    private static int Compare(string a, string b) =>
        long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : Math.Sign(string.CompareOrdinal(a, b));
}
