using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// A validated <c>/items</c> request: the feature query (without paging), the page (limit, offset), the output CRS and
/// whether positions are written latitude-first.
/// </summary>
public sealed record ItemsRequest(FeatureQuery Query, int Limit, long Offset, CrsIdentifier OutputCrs)
{
    /// <summary>From a <c>cursor</c>: the page starts after this id (keyset); <see cref="Offset"/> then only numbers the page.</summary>
    public string? AfterId { get; init; }

    /// <summary>
    /// Next links carry a keyset cursor when the order is the default one (the id), from the first page or a cursor
    /// page; a client that pages with an explicit offset keeps getting offset links.
    /// </summary>
    public bool CanUseKeyset => Query.SortBy.Count == 0 && (Offset == 0 || AfterId is not null);

    /// <summary>The page to ask the source for: one row more than the limit, so the next link is exact.</summary>
    public FeatureQuery Page => AfterId is null
        ? Query with { Limit = Limit + 1, Offset = Offset }
        : Query with { Limit = Limit + 1, AfterId = AfterId };

    public bool SwapAxes => OgcApiCrs.IsLatitudeFirst(OutputCrs);
}
