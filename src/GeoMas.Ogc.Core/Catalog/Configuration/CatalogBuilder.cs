using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// Turns bound <see cref="GeoMasOptions"/> into an immutable <see cref="CatalogSnapshot"/>, checking everything that
/// can be checked without a database: ids, references, identifiers, CRSs, style files, groups, limits. Every error is
/// collected and returned at once (one config edit fixes them all, not one per restart). Data facts — extents, time
/// values, table/column/SRID checks — are added by <see cref="CatalogLoader"/>.
/// </summary>
public sealed partial class CatalogBuilder
{
    private readonly GeoMasOptions _options;
    private readonly string _configDirectory;
    private readonly CrsRegistry _crs;
    private readonly Func<string, string?> _environment;
    private readonly List<string> _errors = [];
    private readonly CatalogFingerprint _fingerprint = new();
    private readonly StyleFileCache _styles;

    private CatalogBuilder(GeoMasOptions options, string configDirectory, IStyleReader styleReader, CrsRegistry crs, Func<string, string?> environment)
    {
        _options = options;
        _configDirectory = Path.GetFullPath(configDirectory);
        _crs = crs;
        _environment = environment;
        _styles = new StyleFileCache(styleReader, _fingerprint);
    }

    /// <param name="configDirectory">Folder of the configuration file; relative paths (sources, styles) start there.</param>
    /// <param name="environment">Variable lookup for <c>${VAR:-default}</c>; the process environment when null.</param>
    public static CatalogBuildResult Build(
        GeoMasOptions options, string configDirectory, IStyleReader styleReader, CrsRegistry crs,
        Func<string, string?>? environment = null)
    {
        var builder = new CatalogBuilder(options, configDirectory, styleReader, crs, environment ?? Environment.GetEnvironmentVariable);
        try
        {
            return builder.Run();
        }
        finally
        {
            builder._fingerprint.Dispose();
        }
    }

    private CatalogBuildResult Run()
    {
        // Options first: the serialized configuration is part of the content hash (connection strings included,
        // but only as hash input).
        _fingerprint.Append(JsonSerializer.Serialize(_options));
        _fingerprint.Append(FormattableString.Invariant($"tile encoding epoch {CachePolicy.TileEncodingEpoch}"));

        var service = BuildService(_options.Service ?? new ServiceOptions());
        var limits = BuildLimits(_options.Limits ?? new LimitsOptions());
        var srids = BuildCrsList(_options.Crs ?? []);
        var sources = BuildSources(_options.Sources ?? []);
        var layers = BuildLayers(_options.Layers ?? [], sources);
        CheckCache(_options.Cache ?? new CacheOptions());

        if (_errors.Count > 0)
            return new CatalogBuildResult(null, _errors);
        var snapshot = new CatalogSnapshot(service, sources, layers, limits, srids, _fingerprint.ToUpdateSequence());
        return new CatalogBuildResult(snapshot, []);
    }

    // ---------------------------------------------------------------- service

    private ServiceMetadata BuildService(ServiceOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Title))
            _errors.Add("service.title is required");
        if (!string.IsNullOrEmpty(o.PublicBaseUrl) &&
            (!Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            _errors.Add($"service.publicBaseUrl '{o.PublicBaseUrl}' is not an absolute http(s) URL");
        var c = o.Contact ?? new ContactOptions();
        return new ServiceMetadata
        {
            Title = o.Title ?? "",
            Abstract = o.Abstract ?? "",
            Keywords = NonEmpty(o.Keywords),
            Fees = string.IsNullOrWhiteSpace(o.Fees) ? "none" : o.Fees,
            AccessConstraints = string.IsNullOrWhiteSpace(o.AccessConstraints) ? "none" : o.AccessConstraints,
            PublicBaseUrl = string.IsNullOrEmpty(o.PublicBaseUrl) ? null : o.PublicBaseUrl.TrimEnd('/'),
            Contact = new ContactInfo
            {
                Person = c.Person ?? "",
                Organization = c.Organization ?? "",
                Position = c.Position ?? "",
                Email = c.Email ?? "",
                Phone = c.Phone ?? "",
                Address = c.Address ?? "",
                City = c.City ?? "",
                PostCode = c.PostCode ?? "",
                Country = c.Country ?? "",
                Url = c.Url ?? "",
            },
        };
    }

    // ---------------------------------------------------------------- limits

    private ServiceLimits BuildLimits(LimitsOptions o)
    {
        var d = new ServiceLimits();
        return new ServiceLimits
        {
            MaxWidth = InRange("limits.maxWidth", o.MaxWidth, 1, 16384) ?? d.MaxWidth,
            MaxHeight = InRange("limits.maxHeight", o.MaxHeight, 1, 16384) ?? d.MaxHeight,
            LayerLimit = InRange("limits.layerLimit", o.LayerLimit, 1, 1000) ?? d.LayerLimit,
            MaxFeaturesPerMap = InRange("limits.maxFeaturesPerMap", o.MaxFeaturesPerMap, 1, 100_000_000) ?? d.MaxFeaturesPerMap,
            MaxFeatureInfoCount = InRange("limits.maxFeatureInfoCount", o.MaxFeatureInfoCount, 1, 10_000) ?? d.MaxFeatureInfoCount,
            RenderTimeout = Seconds("limits.renderTimeoutSeconds", o.RenderTimeoutSeconds) ?? d.RenderTimeout,
            MaxConcurrentRenders = InRange("limits.maxConcurrentRenders", o.MaxConcurrentRenders, 0, 1024) ?? d.MaxConcurrentRenders,
            MaxQueuedRenders = InRange("limits.maxQueuedRenders", o.MaxQueuedRenders, 0, 100_000) ?? d.MaxQueuedRenders,
            QueryTimeout = Seconds("limits.queryTimeoutSeconds", o.QueryTimeoutSeconds) ?? d.QueryTimeout,
            MaxFeaturesPerPage = InRange("limits.maxFeaturesPerPage", o.MaxFeaturesPerPage, 1, 10_000_000) ?? d.MaxFeaturesPerPage,
            DefaultFeaturesPerPage = InRange("limits.defaultFeaturesPerPage", o.DefaultFeaturesPerPage, 1, 10_000_000) ?? d.DefaultFeaturesPerPage,
            MaxFeaturesPerDownload = InRange("limits.maxFeaturesPerDownload", o.MaxFeaturesPerDownload, 1, int.MaxValue) ?? d.MaxFeaturesPerDownload,
        };
    }

    private int? InRange(string name, int? value, int min, int max)
    {
        if (value is not { } v)
            return null;
        if (v >= min && v <= max)
            return v;
        _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} = {v} is out of range [{min}, {max}]"));
        return null;
    }

    private TimeSpan? Seconds(string name, double? value)
    {
        if (value is not { } v)
            return null;
        if (v > 0 && v <= 3600)
            return TimeSpan.FromSeconds(v);
        _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} = {v} is out of range (0, 3600]"));
        return null;
    }

    // ---------------------------------------------------------------- CRS list

    private List<int> BuildCrsList(List<int> codes)
    {
        if (codes.Count == 0)
            _errors.Add("crs: list at least one EPSG code (the first is the native CRS)");
        var seen = new HashSet<int>();
        var result = new List<int>();
        foreach (var code in codes)
        {
            if (!_crs.IsSupported(code))
                _errors.Add(string.Create(CultureInfo.InvariantCulture, $"crs: EPSG:{code} is not supported (supported: {string.Join(", ", _crs.SupportedSrids)})"));
            else if (!seen.Add(code))
                _errors.Add(string.Create(CultureInfo.InvariantCulture, $"crs: EPSG:{code} is listed twice"));
            else
                result.Add(code);
        }
        return result;
    }

    // ---------------------------------------------------------------- sources

    private Dictionary<string, SourceDefinition> BuildSources(Dictionary<string, SourceOptions> sources)
    {
        var result = new Dictionary<string, SourceDefinition>(StringComparer.Ordinal);
        foreach (var (id, o) in sources)
        {
            var where = $"source '{id}'";
            if (!IdPattern().IsMatch(id))
                _errors.Add($"{where}: id must match {IdPattern()}");
            if (ParseSourceKind(where, o.Kind) is not { } kind)
                continue;

            string connection;
            RemoteSourceDefinition? remote = null;
            if (kind is SourceKind.RemoteWmts or SourceKind.RemoteWms)
            {
                remote = BuildRemote(where, kind, o.Remote);
                connection = remote?.Url.ToString() ?? "";
            }
            else if (kind == SourceKind.PostGis)
            {
                connection = ExpandRequired(where, "connectionString", o.ConnectionString);
                if (o.Schema is { } schema && !IdentifierPattern().IsMatch(schema))
                    _errors.Add($"{where}: schema '{schema}' is not a plain SQL identifier");
            }
            else
            {
                var path = ExpandRequired(where, "path", o.Path);
                connection = path.Length == 0 ? "" : Path.GetFullPath(Path.Combine(_configDirectory, path));
                // A raster source may also be a folder of GeoTIFFs (a mosaic indexed at start).
                if (connection.Length > 0 && !File.Exists(connection) && !(kind == SourceKind.Raster && Directory.Exists(connection)))
                    _errors.Add($"{where}: file '{o.Path}' not found ({connection})");
            }
            InRange($"{where}.statementTimeoutSeconds", o.StatementTimeoutSeconds, 1, 3600);
            InRange($"{where}.maxPoolSize", o.MaxPoolSize, 1, 1000);

            result[id] = new SourceDefinition
            {
                Id = id,
                Kind = kind,
                Connection = connection,
                Schema = string.IsNullOrEmpty(o.Schema) ? "public" : o.Schema,
                StatementTimeout = TimeSpan.FromSeconds(Math.Clamp(o.StatementTimeoutSeconds, 1, 3600)),
                MaxPoolSize = Math.Clamp(o.MaxPoolSize, 1, 1000),
                Remote = remote,
            };
        }
        return result;
    }

    private SourceKind? ParseSourceKind(string where, string? kind)
    {
        switch (kind?.ToLowerInvariant())
        {
            case "postgis": return SourceKind.PostGis;
            case "geopackage" or "gpkg": return SourceKind.GeoPackage;
            case "raster": return SourceKind.Raster;
            case "remote-wmts": return SourceKind.RemoteWmts;
            case "remote-wms": return SourceKind.RemoteWms;
            default:
                _errors.Add($"{where}: kind '{kind}' is not one of postgis, geopackage, raster, remote-wmts, remote-wms");
                return null;
        }
    }

    private string ExpandRequired(string where, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add($"{where}: {name} is required");
            return "";
        }
        var expanded = EnvironmentExpander.Expand(value, _environment, out var missing);
        foreach (var variable in missing)
            _errors.Add($"{where}: {name} uses ${{{variable}}}, which is not set (write ${{{variable}:-default}} for a default)");
        return expanded;
    }

    // ---------------------------------------------------------------- layers

    private List<LayerDefinition> BuildLayers(List<LayerOptions> layers, Dictionary<string, SourceDefinition> sources)
    {
        var result = new List<LayerDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            var o = layers[i];
            var where = string.IsNullOrEmpty(o.Id) ? $"layers[{i}]" : $"layer '{o.Id}'";
            if (string.IsNullOrWhiteSpace(o.Id))
            {
                _errors.Add($"{where}: id is required");
                continue;
            }
            if (!IdPattern().IsMatch(o.Id))
                _errors.Add($"{where}: id must match {IdPattern()} (it appears in URLs and XML names)");
            if (!ids.Add(o.Id))
            {
                _errors.Add($"{where}: id is used by another layer");
                continue;
            }
            if (BuildLayer(where, o, sources) is { } layer)
                result.Add(layer);
        }
        CheckGroups(result, ids);
        return result;
    }

    private LayerDefinition? BuildLayer(string where, LayerOptions o, Dictionary<string, SourceDefinition> sources)
    {
        var kind = (o.Kind?.ToLowerInvariant()) switch
        {
            null or "" or "vector" => LayerKind.Vector,
            "raster" => LayerKind.Raster,
            "group" => LayerKind.Group,
            _ => (LayerKind?)null,
        };
        if (kind is null)
        {
            _errors.Add($"{where}: kind '{o.Kind}' is not one of vector, raster, group");
            return null;
        }
        var scale = CheckScales(where, o);
        var layer = new LayerDefinition
        {
            Id = o.Id!,
            Title = string.IsNullOrWhiteSpace(o.Title) ? o.Id! : o.Title,
            Abstract = o.Abstract ?? "",
            Keywords = NonEmpty(o.Keywords),
            Kind = kind.Value,
            MinScaleDenominator = scale.Min,
            MaxScaleDenominator = scale.Max,
            Opaque = o.Opaque,
            Queryable = o.Queryable ?? kind == LayerKind.Vector,
            Cache = BuildCachePolicy(where, o.Cache),
        };
        return kind switch
        {
            LayerKind.Group => BuildGroup(where, o, layer),
            LayerKind.Raster => BuildRaster(where, o, layer, sources),
            _ => BuildVector(where, o, layer, sources),
        };
    }

    private LayerDefinition BuildVector(string where, LayerOptions o, LayerDefinition layer, Dictionary<string, SourceDefinition> sources)
    {
        RequireSource(where, o.Source, sources, SourceKind.PostGis, SourceKind.GeoPackage);
        if (string.IsNullOrWhiteSpace(o.Table))
            _errors.Add($"{where}: table is required");
        else if (!QualifiedIdentifierPattern().IsMatch(o.Table))
            _errors.Add($"{where}: table '{o.Table}' is not a plain (optionally schema-qualified) SQL identifier");
        var idColumn = RequireIdentifier(where, "idColumn", o.IdColumn);
        var geometryColumn = o.GeometryColumn is null ? "geom" : RequireIdentifier(where, "geometryColumn", o.GeometryColumn);
        var geometryKind = (o.GeometryType?.ToLowerInvariant()) switch
        {
            "point" or "multipoint" => GeometryKind.Point,
            "line" or "linestring" or "multilinestring" => GeometryKind.Line,
            "polygon" or "multipolygon" => GeometryKind.Polygon,
            _ => (GeometryKind?)null,
        };
        if (geometryKind is null)
            _errors.Add($"{where}: geometryType '{o.GeometryType}' is not one of point, line, polygon");
        var srid = RequireSrid(where, o.Srid);
        var attributes = BuildAttributes(where, o.Attributes ?? [], geometryColumn);
        var time = BuildTime(where, o.Time);

        var published = new HashSet<string>(attributes.Select(a => a.Name), StringComparer.Ordinal) { idColumn, geometryColumn };
        if (time is not null)
        {
            published.Add(time.StartColumn);
            if (time.EndColumn is { } end)
                published.Add(end);
        }
        var styles = BuildStyles(where, o, published);
        if (styles.Count == 0 && (o.Styles ?? []).Count == 0)
            _errors.Add($"{where}: a vector layer needs at least one style");

        return layer with
        {
            SourceId = o.Source,
            Table = o.Table,
            IdColumn = idColumn,
            GeometryColumn = geometryColumn,
            GeometryKind = geometryKind ?? GeometryKind.Polygon,
            Srid = srid,
            Attributes = attributes,
            Time = time,
            Styles = styles,
            DefaultStyleName = DefaultStyleName(where, o.DefaultStyle, styles),
            Extent = BuildExtent(where, o.Extent),
            Count = BuildCount(where, o.Count),
        };
    }

    private Features.FeatureCountMode BuildCount(string where, string? count)
    {
        if (Features.FeatureCountModes.Parse(count) is { } mode)
            return mode;
        _errors.Add($"{where}: count '{count}' is not one of exact, estimated, none");
        return Features.FeatureCountMode.Exact;
    }

    private LayerDefinition BuildRaster(string where, LayerOptions o, LayerDefinition layer, Dictionary<string, SourceDefinition> sources)
    {
        RequireSource(where, o.Source, sources, SourceKind.Raster, SourceKind.RemoteWmts, SourceKind.RemoteWms);
        var srid = RequireSrid(where, o.Srid);
        // Without a configured extent, the raster source's own extent is used once it is opened (server startup).
        var styles = BuildStyles(where, o, new HashSet<string>(StringComparer.Ordinal));
        var resampling = Rasters.RasterResamplingNames.Parse(o.Resampling);
        if (o.Resampling is not null && resampling is null)
            _errors.Add($"{where}: resampling '{o.Resampling}' is not one of nearest, bilinear, cubic");
        return layer with
        {
            SourceId = o.Source,
            Srid = srid,
            Resampling = resampling,
            Styles = styles,
            DefaultStyleName = DefaultStyleName(where, o.DefaultStyle, styles),
            Extent = BuildExtent(where, o.Extent),
        };
    }

    private LayerDefinition BuildGroup(string where, LayerOptions o, LayerDefinition layer)
    {
        if (!string.IsNullOrEmpty(o.Source) || !string.IsNullOrEmpty(o.Table))
            _errors.Add($"{where}: a group has no source or table (its children have)");
        if ((o.Styles ?? []).Count > 0)
            _errors.Add($"{where}: a group has no styles (each child is drawn with its default style)");
        var children = NonEmpty(o.Children);
        if (children.Count == 0)
            _errors.Add($"{where}: a group needs at least one child layer");
        return layer with { Children = children, Extent = BuildExtent(where, o.Extent) };
    }

    private void RequireSource(string where, string? sourceId, Dictionary<string, SourceDefinition> sources, params SourceKind[] kinds)
    {
        if (string.IsNullOrWhiteSpace(sourceId))
        {
            _errors.Add($"{where}: source is required");
            return;
        }
        if (!(_options.Sources ?? []).ContainsKey(sourceId))
        {
            _errors.Add($"{where}: source '{sourceId}' is not defined in sources");
            return;
        }
        // A source whose own definition failed was reported already.
        if (sources.TryGetValue(sourceId, out var source) && !kinds.Contains(source.Kind))
            _errors.Add($"{where}: source '{sourceId}' is a {source.Kind} source; this layer needs {string.Join(" or ", kinds)}");
    }

    private string RequireIdentifier(string where, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add($"{where}: {name} is required");
            return "";
        }
        if (!IdentifierPattern().IsMatch(value))
            _errors.Add($"{where}: {name} '{value}' is not a plain SQL identifier");
        return value;
    }

    private int RequireSrid(string where, int? srid)
    {
        if (srid is not { } s)
        {
            _errors.Add($"{where}: srid is required");
            return 0;
        }
        if (!_crs.IsSupported(s))
            _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: srid {s} is not a supported CRS"));
        return s;
    }

    private List<AttributeDefinition> BuildAttributes(string where, List<AttributeOptions> attributes, string geometryColumn)
    {
        var result = new List<AttributeDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            var name = RequireIdentifier($"{where} attribute", "name", a.Name);
            if (name.Length == 0)
                continue;
            if (name == geometryColumn)
                _errors.Add($"{where}: attribute '{name}' is the geometry column");
            if (!names.Add(name))
                _errors.Add($"{where}: attribute '{name}' is listed twice");
            AttributeType? type = (a.Type?.ToLowerInvariant()) switch
            {
                null or "" or "string" or "text" => AttributeType.String,
                "integer" or "int" => AttributeType.Integer,
                "long" or "bigint" => AttributeType.Long,
                "double" or "real" or "float" => AttributeType.Double,
                "boolean" or "bool" => AttributeType.Boolean,
                "date" => AttributeType.Date,
                "datetime" => AttributeType.DateTime,
                _ => null,
            };
            if (type is null)
                _errors.Add($"{where}: attribute '{name}' has type '{a.Type}', not one of string, integer, long, double, boolean, date, dateTime");
            result.Add(new AttributeDefinition(name, type ?? AttributeType.String, string.IsNullOrWhiteSpace(a.Title) ? null : a.Title));
        }
        return result;
    }

    private TimeDimension? BuildTime(string where, TimeOptions? time)
    {
        if (time is null || (time.Start is null && time.End is null))
            return null;
        var start = RequireIdentifier($"{where} time", "start", time.Start);
        var end = time.End is null ? null : RequireIdentifier($"{where} time", "end", time.End);
        return new TimeDimension { StartColumn = start, EndColumn = end };
    }

    private List<LayerStyle> BuildStyles(string where, LayerOptions o, IReadOnlySet<string> published)
    {
        var result = new List<LayerStyle>();
        var stylesDirectory = Path.Combine(_configDirectory, _options.StylesDirectory ?? "");
        foreach (var reference in o.Styles ?? [])
        {
            if (string.IsNullOrWhiteSpace(reference.File))
            {
                _errors.Add($"{where}: a style entry needs a file");
                continue;
            }
            var path = Path.GetFullPath(Path.Combine(stylesDirectory, reference.File));
            var styles = _styles.Read(path, reference.File, _errors);
            if (styles is null)
                continue;
            var selected = reference.Name is null ? styles : styles.Where(s => s.Name == reference.Name).ToList();
            if (selected.Count == 0)
                _errors.Add($"{where}: style file '{reference.File}' has no UserStyle named '{reference.Name}' (it has: {string.Join(", ", styles.Select(s => s.Name))})");
            foreach (var style in selected)
            {
                if (string.IsNullOrWhiteSpace(style.Name))
                {
                    _errors.Add($"{where}: style file '{reference.File}' has a UserStyle without a Name");
                    continue;
                }
                if (result.Any(s => s.Name == style.Name))
                {
                    _errors.Add($"{where}: style '{style.Name}' is defined twice");
                    continue;
                }
                if (o.Kind?.ToLowerInvariant() is null or "" or "vector")
                {
                    foreach (var property in StylePropertyNames.Collect(style).Where(p => !published.Contains(p)).Order(StringComparer.Ordinal))
                        _errors.Add($"{where}: style '{style.Name}' ({reference.File}) uses property '{property}', which the layer does not publish");
                }
                result.Add(new LayerStyle(style.Name, string.IsNullOrWhiteSpace(style.Title) ? style.Name : style.Title, style.Abstract ?? "", path, style));
            }
        }
        return result;
    }

    private string? DefaultStyleName(string where, string? defaultStyle, List<LayerStyle> styles)
    {
        if (string.IsNullOrEmpty(defaultStyle))
            return styles.Count > 0 ? styles[0].Name : null;
        if (styles.Count > 0 && styles.All(s => s.Name != defaultStyle))
            _errors.Add($"{where}: defaultStyle '{defaultStyle}' is not one of its styles ({string.Join(", ", styles.Select(s => s.Name))})");
        return defaultStyle;
    }

    private (double? Min, double? Max) CheckScales(string where, LayerOptions o)
    {
        if (o.MinScaleDenominator is < 0)
            _errors.Add($"{where}: minScaleDenominator must be >= 0");
        if (o.MaxScaleDenominator is <= 0)
            _errors.Add($"{where}: maxScaleDenominator must be > 0");
        if (o.MinScaleDenominator is { } min && o.MaxScaleDenominator is { } max && min >= max)
            _errors.Add($"{where}: minScaleDenominator must be below maxScaleDenominator");
        return (o.MinScaleDenominator, o.MaxScaleDenominator);
    }

    private Envelope BuildExtent(string where, List<double>? extent)
    {
        if (extent is null || extent.Count == 0)
            return new Envelope();
        if (extent.Count != 4 || extent.Any(v => !double.IsFinite(v)) || extent[0] >= extent[2] || extent[1] >= extent[3])
        {
            _errors.Add($"{where}: extent must be [minx, miny, maxx, maxy] with minx < maxx and miny < maxy");
            return new Envelope();
        }
        return new Envelope(extent[0], extent[2], extent[1], extent[3]);
    }

    // ---------------------------------------------------------------- groups

    /// <summary>Unknown children and cycles (a group containing itself, directly or through other groups).</summary>
    private void CheckGroups(List<LayerDefinition> layers, HashSet<string> allIds)
    {
        var byId = layers.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var group in layers.Where(l => l.Kind == LayerKind.Group))
        {
            foreach (var child in group.Children)
            {
                if (!allIds.Contains(child))
                    _errors.Add($"layer '{group.Id}': child '{child}' is not a layer");
            }
            if (group.Children.Count != group.Children.Distinct(StringComparer.Ordinal).Count())
                _errors.Add($"layer '{group.Id}': a child is listed twice");
        }

        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = on the path, true = done
        foreach (var group in layers.Where(l => l.Kind == LayerKind.Group))
            FindCycle(group, byId, state, []);
    }

    private void FindCycle(LayerDefinition layer, Dictionary<string, LayerDefinition> byId, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(layer.Id, out var done))
        {
            if (!done)
            {
                var cycle = path.Skip(path.IndexOf(layer.Id)).Append(layer.Id);
                _errors.Add($"layer '{layer.Id}': groups form a cycle: {string.Join(" -> ", cycle)}");
            }
            return;
        }
        state[layer.Id] = false;
        path.Add(layer.Id);
        foreach (var childId in layer.Children)
        {
            if (byId.TryGetValue(childId, out var child) && child.Kind == LayerKind.Group)
                FindCycle(child, byId, state, path);
        }
        path.RemoveAt(path.Count - 1);
        state[layer.Id] = true;
    }

    // ---------------------------------------------------------------- helpers

    private static List<string> NonEmpty(List<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();

    /// <summary>Layer and source ids: safe in URL paths, XML names and file names.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Column and schema names: plain SQL identifiers only (they are quoted anyway, but never need escaping).</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex QualifiedIdentifierPattern();
}
