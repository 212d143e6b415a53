using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// A validated <c>/items</c> request: the feature query (without paging), the page (limit, offset), the output CRS and
/// whether positions are written latitude-first.
/// </summary>
public sealed record ItemsRequest(FeatureQuery Query, int Limit, long Offset, CrsIdentifier OutputCrs)
{
    public bool SwapAxes => OgcApiCrs.IsLatitudeFirst(OutputCrs);
}
