using System.Globalization;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// GetCapabilities: version negotiation (WMS-G7), UPDATESEQUENCE (WMS-C3), FORMAT ignored (WMS-C2). The first request
/// for a (snapshot, version, base URL, day) streams the XML as it is written and keeps a copy; later ones get the bytes.
/// </summary>
public static class WmsGetCapabilitiesHandler
{
    public static async Task HandleAsync(HttpContext context, KvpRequest kvp, WmsServices services, WmsVersion version, bool headOnly)
    {
        CheckUpdateSequence(kvp.Get("UPDATESEQUENCE"), services.Snapshot.UpdateSequence);
        var snapshot = services.Snapshot;
        var baseUrl = PublicBaseUrl.Resolve(context.Request, snapshot.Service);
        var today = services.Today;
        var response = context.Response;
        response.ContentType = version == WmsVersion.V130 ? WmsCapabilities130Writer.ContentType : WmsCapabilities111Writer.ContentType;
        if (headOnly)
            return;
        if (WmsCapabilitiesCache.TryGet(snapshot, version, baseUrl, today) is { } cached)
        {
            response.ContentLength = cached.Length;
            await response.Body.WriteAsync(cached, context.RequestAborted);
            return;
        }

        var capabilities = new WmsCapabilitiesContext(snapshot, services.Crs, services.Legends, baseUrl, today, version);
        var capture = new CapturingStream(response.Body);
        if (version == WmsVersion.V130)
            await new WmsCapabilities130Writer(capabilities).WriteAsync(capture, context.RequestAborted);
        else
            await new WmsCapabilities111Writer(capabilities).WriteAsync(capture, context.RequestAborted);
        // Only a document written to the end is kept (a cancelled write throws before this line).
        WmsCapabilitiesCache.Add(snapshot, version, baseUrl, today, capture.ToArray());
    }

    /// <summary>Equal → CurrentUpdateSequence, greater → InvalidUpdateSequence, lower or absent → full document.</summary>
    public static void CheckUpdateSequence(string? requested, string current)
    {
        if (string.IsNullOrEmpty(requested) || string.IsNullOrEmpty(current))
            return;
        var comparison = Compare(requested.Trim(), current);
        if (comparison == 0)
            throw new ServiceException(ErrorKind.InvalidParameter, "CurrentUpdateSequence", "The capabilities have not changed since this update sequence.", "UPDATESEQUENCE");
        if (comparison > 0)
            throw new ServiceException(ErrorKind.InvalidParameter, "InvalidUpdateSequence", "UPDATESEQUENCE is greater than the current one.", "UPDATESEQUENCE");
    }

    // Numbers compare as numbers (a revision counter), anything else (timestamps in ISO form) ordinally.
    private static int Compare(string a, string b) =>
        long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : Math.Sign(string.CompareOrdinal(a, b));
}
