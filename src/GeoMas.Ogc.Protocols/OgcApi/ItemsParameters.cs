namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>The query parameter names of <c>/items</c> and <c>/items/{featureId}</c> declared in the API definition.</summary>
public static class ItemsParameters
{
    public const string Format = "f";
    public const string Limit = "limit";
    public const string Offset = "offset";
    public const string Bbox = "bbox";
    public const string BboxCrs = "bbox-crs";
    public const string DateTime = "datetime";
    public const string Crs = "crs";
    public const string Properties = "properties";
    public const string SortBy = "sortby";
    public const string Filter = "filter";
    public const string FilterLang = "filter-lang";
    public const string FilterCrs = "filter-crs";
    /// <summary>Keyset position of a next link (<see cref="Core.Features.KeysetCursor"/>); offset paging stays available.</summary>
    public const string Cursor = Core.Features.KeysetCursor.Parameter;

    /// <summary>Every name /items knows besides the queryables.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Format, Limit, Offset, Bbox, BboxCrs, DateTime, Crs, Properties, SortBy, Filter, FilterLang, FilterCrs, Cursor,
    };

    /// <summary>The names /items/{featureId} knows.</summary>
    public static IReadOnlySet<string> Item { get; } = new HashSet<string>(StringComparer.Ordinal) { Format, Crs, Properties };
}
