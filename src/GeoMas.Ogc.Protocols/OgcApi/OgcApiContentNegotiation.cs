using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Picks the representation of a resource (TRAP-5): <c>f</c> wins when present; otherwise the <c>Accept</c> header
/// with q-values (a range matches when type/subtype match — or are wildcards — and every parameter it names equals
/// the offer's, so <c>application/vnd.oai.openapi+json</c> matches the version=3.0 offer but version=3.1 does not).
/// Ties go to the server's order. Nothing acceptable → 406.
/// </summary>
public static class OgcApiContentNegotiation
{
    public static OgcApiRepresentation Select(HttpRequest request, IReadOnlyList<OgcApiRepresentation> offers)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.TryGetValue("f", out var f))
        {
            var name = f.ToString().Trim();
            return offers.FirstOrDefault(o => o.FormatName.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw NotAcceptable($"Format f={name} is not available for this resource; available: "
                                       + string.Join(", ", offers.Select(o => o.FormatName).Distinct()) + ".");
        }

        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
            return offers[0];

        var ranges = MediaRange.ParseList(accept);
        OgcApiRepresentation? best = null;
        var bestQuality = 0.0;
        foreach (var offer in offers)
        {
            var quality = QualityOf(offer.MediaType, ranges);
            if (quality > bestQuality)
            {
                best = offer;
                bestQuality = quality;
            }
        }
        return best ?? throw NotAcceptable(
            $"None of the media types in Accept is available for this resource; available: {string.Join(", ", offers.Select(o => o.MediaType))}.");
    }

    // The most specific matching range decides (RFC 9110 §12.5.1).
    private static double QualityOf(string mediaType, IReadOnlyList<MediaRange> ranges)
    {
        var offer = MediaRange.Parse(mediaType);
        var specificity = -1;
        var quality = 0.0;
        foreach (var range in ranges)
        {
            if (range.Matches(offer) && range.Specificity > specificity)
            {
                specificity = range.Specificity;
                quality = range.Quality;
            }
        }
        return quality;
    }

    private static ServiceException NotAcceptable(string message) =>
        new(ErrorKind.NotAcceptable, "NotAcceptable", message, "Accept");
}
