using GeoMas.Ogc.Core.Caching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GeoMas.Ogc.Protocols.Tiles;

/// <summary>The validator of a tile answer (ETag, <c>If-None-Match</c> → 304), alike for WMTS GetTile, XYZ and OGC API tiles.</summary>
public static class TileValidators
{
    /// <summary>
    /// Whether <c>If-None-Match</c> names a copy of the tile the client may keep (304), and the ETag to send. That is
    /// the tile's own ETag, or, for a tile the cache compacted, the ETag of the bytes it was rendered as: the
    /// client's copy has the same pixels, so it stays valid, and the 304 names that copy.
    /// </summary>
    public static bool IsNotModified(StringValues ifNoneMatch, TileContent tile, out string etag)
    {
        ArgumentNullException.ThrowIfNull(tile);
        etag = Quote(tile.ETag);
        if (ifNoneMatch.Count == 0)
            return false;
        if (Matches(ifNoneMatch, etag))
            return true;
        if (tile.RenderedETag is { } rendered && Matches(ifNoneMatch, Quote(rendered)))
        {
            etag = Quote(rendered);
            return true;
        }
        return false;
    }

    /// <summary>RFC 9110 weak comparison, as If-None-Match requires; <c>*</c> matches any tile.</summary>
    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
            return false;
        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var candidates)
            && candidates.Any(c => c.Tag == "*" || c.Compare(current, useStrongComparison: false));
    }

    // The cache may hand out a bare hash; the header needs the quoted form.
    private static string Quote(string etag) =>
        etag.StartsWith('"') || etag.StartsWith("W/", StringComparison.Ordinal) ? etag : "\"" + etag + "\"";
}
