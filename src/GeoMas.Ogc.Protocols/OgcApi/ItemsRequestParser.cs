using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Time;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Turns the query string of <c>/collections/{id}/items</c> into an <see cref="ItemsRequest"/>, or a 400 naming the
/// parameter: unknown names (OAF-P6), limit (OAF-P1, P5: clamped to the configured maximum, never an error),
/// offset, bbox + bbox-crs (OAF-P3, CRS4), datetime (OAF-P4; layers without time ignore a valid one — their
/// features "have no temporal property" and always match), crs (CRS3), properties, sortby, queryable equality
/// (OAF-F4), filter (OAF-F3) and the keyset cursor of next links.
/// </summary>
public static class ItemsRequestParser
{
    public static ItemsRequest Parse(IQueryCollection query, LayerDefinition layer, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(services);
        var equalityNames = OgcApiQueryables.QueryParameters(layer).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        OgcApiQuery.RejectUnknown(query, name => ItemsParameters.Reserved.Contains(name) || equalityNames.Contains(name));

        var limits = services.Snapshot.Limits;
        var limit = ParseLimit(OgcApiQuery.Single(query, ItemsParameters.Limit), limits);
        var offset = ParseOffset(OgcApiQuery.Single(query, ItemsParameters.Offset));

        var supported = OgcApiCrs.Supported(layer, services.Snapshot, services.Crs);
        var outputCrs = OgcApiCrs.Parse(Value(query, ItemsParameters.Crs), ItemsParameters.Crs, supported);
        var bboxCrsText = Value(query, ItemsParameters.BboxCrs);
        var bboxCrs = OgcApiCrs.Parse(bboxCrsText, ItemsParameters.BboxCrs, supported);
        BboxSelection? bbox = null;
        if (OgcApiQuery.Single(query, ItemsParameters.Bbox) is { } bboxText)
            bbox = BboxParameter.Parse(bboxText, bboxCrs, layer.Srid, services.Crs);
        else if (bboxCrsText is not null)
            throw ServiceException.Invalid(ItemsParameters.BboxCrs, "bbox-crs is given without bbox.");

        TimeSelection? time = null;
        if (OgcApiQuery.Single(query, ItemsParameters.DateTime) is { } datetimeText)
        {
            var range = DateTimeParameter.Parse(datetimeText);
            if (layer.Time is not null)
                time = new TimeSelection([range]);
        }

        var properties = OgcApiQuery.Single(query, ItemsParameters.Properties) is { } propertiesText
            ? PropertiesParameter.Parse(propertiesText, layer)
            : null;
        var sortBy = OgcApiQuery.Single(query, ItemsParameters.SortBy) is { } sortText
            ? SortByParameter.Parse(sortText, layer)
            : [];

        var filters = new List<Filter>();
        if (bbox?.ExactFilter is { } exact)
            filters.Add(exact);
        if (PropertyEqualityParameters.Build(query, layer) is { } equality)
            filters.Add(equality);
        if (ItemsFilter.Parse(query, layer, supported) is { } filter)
            filters.Add(filter);

        var featureQuery = new FeatureQuery
        {
            Layer = layer,
            Bbox = bbox?.Envelope,
            BboxSrid = bbox?.Srid ?? 0,
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => new And(filters) },
            Properties = properties,
            SortBy = sortBy,
            OutputSrid = outputCrs.Srid,
            Time = time,
        };
        string? afterId = null;
        if (OgcApiQuery.Single(query, ItemsParameters.Cursor) is { } cursor)
        {
            if (sortBy.Count > 0)
                throw ServiceException.Invalid(ItemsParameters.Cursor, "A cursor pages in the default order only: drop sortby, or page with offset.");
            afterId = KeysetCursor.Decode(cursor, layer.Id);
        }
        return new ItemsRequest(featureQuery, limit, offset, outputCrs) { AfterId = afterId };
    }

    /// <summary>The trimmed value, or null when absent or empty (an empty CRS parameter means the default).</summary>
    private static string? Value(IQueryCollection query, string name) =>
        OgcApiQuery.Single(query, name) is { } text && text.Trim().Length > 0 ? text.Trim() : null;

    private static int ParseLimit(string? text, ServiceLimits limits)
    {
        var maximum = limits.MaxFeaturesPerPage;
        if (text is null)
            return Math.Min(limits.DefaultFeaturesPerPage, maximum);
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
            throw ServiceException.Invalid(ItemsParameters.Limit, $"Invalid limit '{text}': a whole number from 1 to {maximum} is expected.");
        return (int)Math.Min(limit, maximum);
    }

    private static long ParseOffset(string? text)
    {
        if (text is null)
            return 0;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            throw ServiceException.Invalid(ItemsParameters.Offset, $"Invalid offset '{text}': a whole number from 0 is expected.");
        return offset;
    }
}
