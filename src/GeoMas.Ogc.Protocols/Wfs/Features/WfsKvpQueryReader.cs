using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// Reads GetFeature / GetPropertyValue KVP (names case-insensitive, values URL-decoded: WFS-O1, TRAP-8). WFS 1.1
/// spellings are accepted beside the 2.0 ones (TYPENAME, MAXFEATURES), since GDAL and QGIS send them.
/// </summary>
public static class WfsKvpQueryReader
{
    public static WfsQueryText Read(KvpRequest kvp)
    {
        ArgumentNullException.ThrowIfNull(kvp);
        var namespaces = WfsFeatureTypes.ParseNamespaces(kvp.Get("NAMESPACES"));
        return new WfsQueryText
        {
            NamespaceOfPrefix = namespaces.Count == 0 ? null : prefix => namespaces.GetValueOrDefault(prefix),
            TypeNames = kvp.GetAny("TYPENAMES", "TYPENAME"),
            SrsName = kvp.Get("SRSNAME"),
            Bbox = kvp.Get("BBOX"),
            Filter = kvp.Get("FILTER"),
            FilterLanguage = kvp.Get("FILTER_LANGUAGE"),
            ResourceIds = kvp.GetAny("RESOURCEID", "FEATUREID"),
            SortBy = kvp.Get("SORTBY"),
            PropertyNames = kvp.Get("PROPERTYNAME") is { } names ? SplitList(names) : null,
            Count = kvp.GetAny("COUNT", "MAXFEATURES"),
            StartIndex = kvp.Get("STARTINDEX"),
            ResultType = kvp.Get("RESULTTYPE"),
            OutputFormat = kvp.Get("OUTPUTFORMAT"),
            StoredQueryId = kvp.Get("STOREDQUERY_ID"),
            StoredQueryFeatureId = kvp.Get("ID"),
            ValueReference = kvp.Get("VALUEREFERENCE"),
        };
    }

    /// <summary>A KVP list, with the optional parentheses of the one-list-per-query form: <c>(a,b)</c>.</summary>
    internal static List<string> SplitList(string value)
    {
        var text = value.Trim();
        if (text.StartsWith('(') && text.EndsWith(')'))
            text = text[1..^1];
        return text.Split(',', StringSplitOptions.TrimEntries).ToList();
    }
}
