namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// What a results page holds once the number of matches is known: how many features it returns and its next /
/// previous URIs (WFS-Q3, Q4).
/// </summary>
public sealed record WfsPage(long NumberMatched, long NumberReturned, string? Next, string? Previous)
{
    public static WfsPage Of(WfsGetFeatureRequest request, long matched, WfsPageLinks? links)
    {
        ArgumentNullException.ThrowIfNull(request);
        var remaining = Math.Max(0, matched - request.StartIndex);
        var count = request.Count;

        if (request.ResultType == WfsResultType.Hits)
        {
            // The next of a hits response is the first page of results (WFS-Q3); it has no previous.
            var first = remaining > 0 && count > 0 ? links?.Page(request.StartIndex, count) : null;
            return new WfsPage(matched, 0, first, null);
        }
        var returned = Math.Min(remaining, count);
        var next = count > 0 && request.StartIndex + count < matched ? links?.Page(request.StartIndex + count, count) : null;
        var previous = count > 0 && request.StartIndex > 0 ? links?.Page(Math.Max(0, request.StartIndex - count), count) : null;
        return new WfsPage(matched, returned, next, previous);
    }
}
