using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// The <c>filter</c>, <c>filter-lang</c> (cql2-text by default, or cql2-json) and <c>filter-crs</c> (CRS84 by default,
/// any CRS of the collection) parameters (Part 3, OAF-F3). Only the CQL2 classes declared in /conformance are accepted
/// (CQL-2), every property must be a queryable (OAF-F2: the queryables schema is closed), and any failure is a 400
/// naming the parameter. The result is ANDed with bbox, datetime and the property parameters by the caller.
/// </summary>
public static class ItemsFilter
{
    public const string TextLanguage = "cql2-text";
    public const string JsonLanguage = "cql2-json";

    public static Filter? Parse(IQueryCollection query, LayerDefinition layer, IReadOnlyList<CrsIdentifier> supported)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(layer);
        var text = OgcApiQuery.Single(query, ItemsParameters.Filter);
        var language = OgcApiQuery.Single(query, ItemsParameters.FilterLang)?.Trim();
        var crsText = OgcApiQuery.Single(query, ItemsParameters.FilterCrs)?.Trim();
        if (language is not null && language != TextLanguage && language != JsonLanguage)
            throw ServiceException.Invalid(ItemsParameters.FilterLang, $"filter-lang '{language}' is not supported; use {TextLanguage} or {JsonLanguage}.");
        var filterCrs = OgcApiCrs.Parse(string.IsNullOrEmpty(crsText) ? null : crsText, ItemsParameters.FilterCrs, supported);
        if (text is null)
        {
            if (language is not null || crsText is not null)
                throw ServiceException.Invalid(ItemsParameters.Filter, "filter-lang and filter-crs need a filter.");
            return null;
        }
        if (text.Trim().Length == 0)
            throw ServiceException.Invalid(ItemsParameters.Filter, "The filter is empty.");

        var options = new Cql2ParserOptions { FilterCrs = filterCrs, Allowed = OgcApiConformance.Cql2Classes };
        var parsed = language == JsonLanguage ? Cql2JsonParser.Parse(text, options) : Cql2TextParser.Parse(text, options);

        var queryables = OgcApiQueryables.For(layer).Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in parsed.ReferencedProperties)
        {
            if (!queryables.Contains(property))
                throw ServiceException.Invalid(ItemsParameters.Filter,
                    $"'{property}' is not a queryable of collection '{layer.Id}' (see /collections/{layer.Id}/queryables).");
        }
        return parsed.Filter;
    }
}
