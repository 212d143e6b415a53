using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features.Filtering;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>The <c>filter</c>, <c>filter-lang</c> and <c>filter-crs</c> parameters (Part 3, OAF-F3).</summary>
public static class ItemsFilter
{
    public static Filter? Parse(IQueryCollection query, LayerDefinition layer, IReadOnlyList<CrsIdentifier> supported)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ContainsKey(ItemsParameters.Filter) || query.ContainsKey(ItemsParameters.FilterLang) || query.ContainsKey(ItemsParameters.FilterCrs))
            throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported",
                "Filtering (filter, filter-lang, filter-crs) is not available on this server yet.", ItemsParameters.Filter);
        _ = layer;
        _ = supported;
        return null;
    }
}
