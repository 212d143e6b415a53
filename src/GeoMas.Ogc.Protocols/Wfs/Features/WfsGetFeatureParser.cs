using System.Globalization;
using SortKey = GeoMas.Ogc.Core.Features.SortKey;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Fes;
using GeoMas.Ogc.Core.Time;
using GeoMas.Ogc.Protocols.OgcApi;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// Checks a <see cref="WfsQueryText"/> against the catalog and builds a <see cref="WfsGetFeatureRequest"/>, or throws a
/// <see cref="ServiceException"/> naming the parameter (locator): unknown type, property, sort key or value reference,
/// unsupported SRSNAME (WFS-Q6), bad COUNT/STARTINDEX/RESULTTYPE/BBOX, an unreadable FILTER, a RESOURCEID of another
/// type than TYPENAMES (WFS-Q7), BBOX/FILTER/RESOURCEID given together (they are mutually exclusive, WFS 2.0 §7.9.2.4).
/// Names are only ever looked up in the catalog, so nothing a client writes reaches SQL as an identifier.
/// </summary>
public static class WfsGetFeatureParser
{
    public const string FesFilterLanguage = "urn:ogc:def:query:OGC-FES:Filter";

    public static WfsGetFeatureRequest Parse(WfsQueryText text, string version, CatalogSnapshot snapshot, CrsRegistry registry, bool propertyValue = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(registry);
        var format = propertyValue ? WfsOutputFormat.Gml32 : WfsOutputFormat.Parse(text.OutputFormat, version);
        var axisContext = version == WfsVersion.V110 ? AxisContext.Wfs11 : AxisContext.Wfs20;

        if (text.StoredQueryId is { } storedQuery)
            return StoredQuery(text, storedQuery, version, format, snapshot, registry, axisContext);

        var resourceIds = text.ResourceIds is { } ids ? WfsKvpQueryReader.SplitList(ids).Where(i => i.Length > 0).ToList() : null;
        var layer = Layer(text.TypeNames, resourceIds, snapshot, text.NamespaceOfPrefix);
        RejectCombined(text);

        var outputCrs = OutputCrs(text.SrsName, layer, snapshot, registry, "srsName");
        var properties = Properties(text.PropertyNames, layer, out var includeGeometry);
        var valueReference = propertyValue ? ValueReference(text.ValueReference, layer) : null;
        if (valueReference is not null)
        {
            properties = valueReference.Attribute is { } attribute ? [attribute] : [];
            includeGeometry = valueReference.Kind == WfsValueKind.Geometry;
        }

        var filters = new List<Filter>();
        var allVersions = false;
        BboxSelection? bbox = null;
        if (text.Bbox is { } bboxText)
            bbox = Bbox(bboxText, layer, snapshot, registry, axisContext);
        if (bbox?.ExactFilter is { } exact)
            filters.Add(exact);
        if (resourceIds is not null)
        {
            filters.Add(new IdIn(resourceIds.Select(id => RowId(snapshot, id, layer, text.NamespaceOfPrefix)).ToArray()));
            // A resource id names one version of a feature: found whatever its validity period.
            allVersions = true;
        }
        if (Filter(text, layer, outputCrs) is { } filter)
        {
            filters.Add(filter.Filter);
            // A filter on the validity columns asks for history explicitly (ARCHITECTURE.md: current by default).
            allVersions |= layer.Time is { } time && filter.ReferencedProperties.Any(p => p == time.StartColumn || p == time.EndColumn);
        }

        var query = new FeatureQuery
        {
            Layer = layer,
            Bbox = bbox?.Envelope,
            BboxSrid = bbox?.Srid ?? 0,
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => new And(filters) },
            Properties = properties.Select(p => p.Name).ToArray(),
            IncludeGeometry = includeGeometry,
            SortBy = SortBy(text, layer),
            OutputSrid = outputCrs.Srid,
            Time = allVersions && layer.Time is not null ? new TimeSelection([new TimeRange(null, null)]) : null,
        };
        return new WfsGetFeatureRequest
        {
            Version = version,
            Layer = layer,
            Query = query,
            Count = Count(text.Count, snapshot.Limits),
            StartIndex = StartIndex(text.StartIndex),
            ResultType = ResultType(text.ResultType),
            Format = format,
            OutputCrs = outputCrs,
            OutputAxisOrder = AxisOrderRules.For(outputCrs, axisContext),
            OutputIsGeographic = registry.IsGeographic(outputCrs.Srid),
            Properties = properties,
            ValueReference = valueReference,
        };
    }

    private static WfsGetFeatureRequest StoredQuery(WfsQueryText text, string storedQuery, string version, WfsOutputFormat format,
        CatalogSnapshot snapshot, CrsRegistry registry, AxisContext axisContext)
    {
        if (!WfsStoredQueries.IsGetFeatureById(storedQuery.Trim()))
            throw ServiceException.Invalid("storedQuery_id", $"There is no stored query '{storedQuery}'; this server offers {WfsStoredQueries.GetFeatureById}.");
        var id = text.StoredQueryFeatureId?.Trim();
        if (string.IsNullOrEmpty(id))
            throw ServiceException.Missing("id");
        if (!WfsTypeNames.TrySplitResourceId(snapshot, id, out var layer, out var rowId, text.NamespaceOfPrefix))
            throw NotFound(id);
        var outputCrs = OutputCrs(text.SrsName, layer, snapshot, registry, "srsName");
        return new WfsGetFeatureRequest
        {
            Version = version,
            Layer = layer,
            Query = new FeatureQuery { Layer = layer, OutputSrid = outputCrs.Srid },
            Count = 1,
            Format = format,
            OutputCrs = outputCrs,
            OutputAxisOrder = AxisOrderRules.For(outputCrs, axisContext),
            OutputIsGeographic = registry.IsGeographic(outputCrs.Srid),
            Properties = layer.Attributes,
            FeatureById = rowId,
        };
    }

    public static ServiceException NotFound(string id) =>
        new(ErrorKind.NotFound, "NotFound", $"There is no feature '{id}'.", "id");

    private static LayerDefinition Layer(string? typeNames, List<string>? resourceIds, CatalogSnapshot snapshot, Func<string, string?>? namespaces)
    {
        if (!string.IsNullOrWhiteSpace(typeNames))
        {
            var names = WfsKvpQueryReader.SplitList(typeNames);
            if (names.Count > 1)
                throw new ServiceException(ErrorKind.OperationNotSupported, "OperationNotSupported",
                    "Only one feature type per GetFeature is supported; send one request per type.", "typeNames");
            return WfsFeatureTypes.Find(snapshot, names[0], namespaces)
                ?? throw ServiceException.Invalid("typeNames", $"There is no feature type '{names[0]}'.");
        }
        // RESOURCEID alone: the type is the one its ids name.
        foreach (var id in resourceIds ?? [])
        {
            if (WfsTypeNames.TrySplitResourceId(snapshot, id, out var layer, out _, namespaces))
                return layer;
        }
        throw ServiceException.Missing("typeNames");
    }

    /// <summary>"parcelles.12" → "12" (for the queried type); another type's id is a 400 (WFS-Q7); anything else is a bare value.</summary>
    private static string RowId(CatalogSnapshot snapshot, string id, LayerDefinition layer, Func<string, string?>? namespaces)
    {
        if (!WfsTypeNames.TrySplitResourceId(snapshot, id, out var other, out var rowId, namespaces))
            return id;
        if (other.Id != layer.Id)
            throw ServiceException.Invalid("resourceId", $"Resource id '{id}' is not a '{layer.Id}' feature.");
        return rowId;
    }

    private static void RejectCombined(WfsQueryText text)
    {
        var given = new List<string>(3);
        if (text.Bbox is not null)
            given.Add("bbox");
        if (text.Filter is not null || text.FilterElement is not null)
            given.Add("filter");
        if (text.ResourceIds is not null)
            given.Add("resourceId");
        if (given.Count > 1)
            throw ServiceException.Invalid(given[1], $"{string.Join(", ", given)} are mutually exclusive; give one of them (combine conditions inside FILTER).");
    }

    /// <summary>SRSNAME: any TRAP-2 spelling of the native CRS or a configured CRS the registry knows; kept as spelled.</summary>
    internal static CrsIdentifier OutputCrs(string? text, LayerDefinition layer, CatalogSnapshot snapshot, CrsRegistry registry, string locator)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CrsIdentifier.Parse(CrsIdentifier.Epsg(layer.Srid).ToUrn());
        if (!CrsIdentifier.TryParse(text, out var crs))
            throw ServiceException.Invalid(locator, $"'{text}' is not a CRS identifier (e.g. urn:ogc:def:crs:EPSG::2154).");
        if (!IsSupported(crs.Srid, layer, snapshot, registry))
            throw ServiceException.Invalid(locator, $"CRS '{text}' is not supported for '{layer.Id}'; see DefaultCRS and OtherCRS in the capabilities.");
        return crs;
    }

    private static bool IsSupported(int srid, LayerDefinition layer, CatalogSnapshot snapshot, CrsRegistry registry) =>
        registry.IsSupported(srid) && (srid == layer.Srid || snapshot.SupportedSrids.Contains(srid));

    /// <summary>
    /// BBOX = a1min,a2min,a1max,a2max[,crs], in the axis order of that CRS's spelling (WFS 2.0: the URN of 4326 is
    /// lat,lon; <c>EPSG:4326</c> is lon,lat by convention, TRAP-1); without a CRS, the layer's native CRS. The box
    /// is handed to the OGC API bbox rules in x/y order, so boxes in another CRS are tested exactly there too.
    /// </summary>
    private static BboxSelection Bbox(string text, LayerDefinition layer, CatalogSnapshot snapshot, CrsRegistry registry, AxisContext context)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is not (4 or 5))
            throw ServiceException.Invalid("bbox", $"Invalid BBOX '{text}': 4 numbers and an optional CRS are expected.");
        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                throw ServiceException.Invalid("bbox", $"Invalid BBOX '{text}': '{parts[i]}' is not a number.");
        }
        var crs = parts.Length == 5 ? OutputCrs(parts[4], layer, snapshot, registry, "bbox") : CrsIdentifier.Epsg(layer.Srid);
        // The Envelope constructor would silently reorder an inverted box.
        if (numbers[0] > numbers[2] || numbers[1] > numbers[3])
            throw ServiceException.Invalid("bbox", $"Invalid BBOX '{text}': a lower corner value is above the upper one.");
        var box = AxisSwap.ToXY(numbers[0], numbers[1], numbers[2], numbers[3], AxisOrderRules.For(crs, context));

        // Spell the box for the OGC API reader: CRS84 for 4326 (lon,lat), the http URI otherwise (x,y except
        // geographic CRSs, which that reader takes lat,lon).
        var apiCrs = crs.Srid == 4326 ? CrsIdentifier.Crs84 : CrsIdentifier.Parse(CrsIdentifier.Epsg(crs.Srid).ToHttpUri());
        var (a1min, a2min, a1max, a2max) = AxisSwap.FromXY(box, AxisOrderRules.For(apiCrs, AxisContext.OgcApi));
        var wire = string.Join(',', new[] { a1min, a2min, a1max, a2max }.Select(n => n.ToString("R", CultureInfo.InvariantCulture)));
        try
        {
            return BboxParameter.Parse(wire, apiCrs, layer.Srid, registry);
        }
        catch (ServiceException e)
        {
            throw ServiceException.Invalid("bbox", $"Invalid BBOX '{text}': {e.Message}");
        }
    }

    private static ParsedFilter? Filter(WfsQueryText text, LayerDefinition layer, CrsIdentifier outputCrs)
    {
        if (text.FilterLanguage is { } language && !string.IsNullOrWhiteSpace(language)
            && language.Trim() is not (FesFilterLanguage or "urn:ogc:def:filterLanguage:OGC-FES:Filter"))
            throw ServiceException.Invalid("filter_language", $"Filter language '{language}' is not supported; use {FesFilterLanguage}.");
        if (text.Filter is null && text.FilterElement is null)
            return null;
        var options = new Fes20ReaderOptions { DefaultCrs = outputCrs, TypeNames = new HashSet<string>(StringComparer.Ordinal) { layer.Id } };
        var parsed = text.FilterElement is { } element ? Fes20FilterReader.Read(element, options) : Fes20FilterReader.Read(text.Filter!, options);
        foreach (var property in parsed.ReferencedProperties)
        {
            if (property != layer.GeometryColumn && layer.FindAttribute(property) is null)
                throw ServiceException.Invalid("filter", $"Feature type '{layer.Id}' has no property '{property}'.");
        }
        return parsed;
    }

    private static IReadOnlyList<SortKey> SortBy(WfsQueryText text, LayerDefinition layer)
    {
        IReadOnlyList<SortKey> keys = text.SortByElement is { } element ? Fes20SortByReader.Read(element)
            : text.SortBy is { } sortText && sortText.Trim().Length > 0 ? SortByKvpParser.Parse(sortText)
            : [];
        foreach (var key in keys)
        {
            if (layer.FindAttribute(key.Property) is null)
                throw ServiceException.Invalid("sortBy", $"Feature type '{layer.Id}' has no property '{key.Property}' to sort on.");
        }
        return keys;
    }

    /// <summary>PROPERTYNAME: attributes (and the geometry) to return; output keeps the schema's order.</summary>
    private static IReadOnlyList<AttributeDefinition> Properties(IReadOnlyList<string>? names, LayerDefinition layer, out bool includeGeometry)
    {
        includeGeometry = true;
        if (names is null || names.All(string.IsNullOrWhiteSpace))
            return layer.Attributes;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var name = PropertyPath(raw, layer);
            if (name != layer.GeometryColumn && layer.FindAttribute(name) is null)
                throw ServiceException.Invalid("propertyName", $"Feature type '{layer.Id}' has no property '{raw.Trim()}'.");
            wanted.Add(name);
        }
        includeGeometry = wanted.Contains(layer.GeometryColumn);
        return layer.Attributes.Where(a => wanted.Contains(a.Name)).ToArray();
    }

    /// <summary>The minimal XPath of property references: <c>[prefix:]name</c> or <c>[prefix:]type/[prefix:]name</c>.</summary>
    private static string PropertyPath(string raw, LayerDefinition layer)
    {
        var path = raw.Trim();
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && WfsTypeNames.LocalPart(path[..slash]) == layer.Id)
            path = path[(slash + 1)..];
        return WfsTypeNames.LocalPart(path);
    }

    private static WfsValueReference ValueReference(string? raw, LayerDefinition layer)
    {
        if (raw is null)
            throw ServiceException.Missing("valueReference");
        var text = raw.Trim();
        if (text.Length == 0)
            throw ServiceException.Invalid("valueReference", "valueReference is empty.");
        if (text is "@gml:id" or "@id")
            return new WfsValueReference(WfsValueKind.GmlId, "@gml:id");
        var name = PropertyPath(text, layer);
        if (name == layer.GeometryColumn)
            return new WfsValueReference(WfsValueKind.Geometry, name);
        return layer.FindAttribute(name) is { } attribute
            ? new WfsValueReference(WfsValueKind.Attribute, name, attribute)
            : throw ServiceException.Invalid("valueReference", $"Feature type '{layer.Id}' has no property '{text}'.");
    }

    /// <summary>The page size applied when a request names no COUNT: the advertised CountDefault.</summary>
    public static int DefaultCount(ServiceLimits limits) => WfsCountDefault.Of(limits);

    /// <summary>COUNT (MAXFEATURES in 1.1): a page size, capped by the configured page maximum.</summary>
    private static int Count(string? text, ServiceLimits limits)
    {
        if (text is null || text.Trim().Length == 0)
            return DefaultCount(limits);
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw ServiceException.Invalid("count", $"Invalid COUNT '{text}': a whole number from 0 is expected.");
        return (int)Math.Min(count, limits.MaxFeaturesPerPage);
    }

    private static long StartIndex(string? text)
    {
        if (text is null || text.Trim().Length == 0)
            return 0;
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : throw ServiceException.Invalid("startIndex", $"Invalid STARTINDEX '{text}': a whole number from 0 is expected.");
    }

    private static WfsResultType ResultType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "results" => WfsResultType.Results,
        "hits" => WfsResultType.Hits,
        _ => throw ServiceException.Invalid("resultType", $"Invalid RESULTTYPE '{text}': results or hits."),
    };
}
