using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Security;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Union;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// Turns the <c>security</c> section and its files into a <see cref="SecurityState"/>, reporting every problem at once:
/// unknown layers, malformed hashes, duplicate ids, rules without subject, territories that match nothing. Territories
/// naming features are resolved here, once per load, through the unrestricted sources.
/// </summary>
public sealed class SecurityLoader(CatalogSnapshot catalog, IFeatureSourceProvider sources, CrsRegistry crs, string configDirectory)
{
    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public async Task<(SecurityState? State, IReadOnlyList<string> Errors)> LoadAsync(SecurityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var merged = Merge(options, errors);

        var rules = new List<AccessRule>();
        for (var i = 0; i < merged.Rules.Count; i++)
        {
            var rule = await CompileAsync(merged.Rules[i], $"security.rules[{i}]", errors, cancellationToken).ConfigureAwait(false);
            if (rule is not null)
                rules.Add(rule);
        }
        foreach (var layer in merged.RestrictedLayers.Where(l => catalog.FindLayer(l) is null))
            errors.Add($"security.restrictedLayers: unknown layer '{layer}'");

        var keys = new List<ApiKeyEntry>();
        foreach (var key in merged.ApiKeys)
        {
            var where = $"security.apiKeys['{key.Id}']";
            if (string.IsNullOrWhiteSpace(key.Id))
                errors.Add("security.apiKeys: a key has no id");
            else if (keys.Any(k => k.Id == key.Id))
                errors.Add($"{where}: duplicate id");
            if (ApiKeyHasher.ParseStored(key.Hash) is not { } digest)
                errors.Add($"{where}: hash must be 'sha256:' and 64 hex digits (geomas apikey prints one)");
            else
                keys.Add(new ApiKeyEntry(key.Id, digest, key.Partner, [.. key.Roles], key.Revoked) { Bulk = key.Bulk });
        }
        var users = new Dictionary<string, UserEntry>(StringComparer.Ordinal);
        foreach (var user in merged.Users)
        {
            var where = $"security.users['{user.Name}']";
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':', StringComparison.Ordinal))
                errors.Add($"{where}: a user needs a name without ':'");
            else if (!PasswordHasher.IsWellFormed(user.PasswordHash))
                errors.Add($"{where}: passwordHash must be 'pbkdf2-sha256$iterations$salt$hash' (geomas hash-password prints one)");
            else if (!users.TryAdd(user.Name, new UserEntry(user.Name, user.PasswordHash, user.Partner, [.. user.Roles], user.Disabled)))
                errors.Add($"{where}: duplicate name");
        }
        if (merged.Jwt is { } jwt)
        {
            if (string.IsNullOrWhiteSpace(jwt.Issuer) || string.IsNullOrWhiteSpace(jwt.Audience))
                errors.Add("security.jwt: issuer and audience are required");
            if (string.IsNullOrWhiteSpace(jwt.JwksUrl) == string.IsNullOrWhiteSpace(jwt.JwksFile))
                errors.Add("security.jwt: give exactly one of jwksUrl and jwksFile");
        }
        if (errors.Count > 0)
            return (null, errors);
        return (new SecurityState(new AccessRuleSet(rules, merged.RestrictedLayers), keys, users, merged), errors);
    }

    /// <summary>The section with the lists of its files appended (files hold secrets and hot-reloadable rules).</summary>
    private SecurityOptions Merge(SecurityOptions options, List<string> errors)
    {
        var merged = new SecurityOptions
        {
            RestrictedLayers = [.. options.RestrictedLayers],
            ApiKeys = [.. options.ApiKeys],
            Users = [.. options.Users],
            Rules = [.. options.Rules],
            Basic = options.Basic,
            Realm = options.Realm,
            Jwt = options.Jwt,
            Files = [.. options.Files],
        };
        foreach (var file in options.Files)
        {
            var path = ResolvePath(file);
            try
            {
                var part = JsonSerializer.Deserialize<SecurityOptions>(File.ReadAllText(path), FileJson);
                if (part is null)
                    continue;
                merged.RestrictedLayers.AddRange(part.RestrictedLayers);
                merged.ApiKeys.AddRange(part.ApiKeys);
                merged.Users.AddRange(part.Users);
                merged.Rules.AddRange(part.Rules);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                errors.Add($"security.files: {file}: {ex.Message}");
            }
        }
        return merged;
    }

    public string ResolvePath(string file) => Path.GetFullPath(file, configDirectory);

    private async Task<AccessRule?> CompileAsync(RuleOptions options, string where, List<string> errors, CancellationToken cancellationToken)
    {
        var count = errors.Count;
        var name = string.IsNullOrWhiteSpace(options.Name) ? where : options.Name;
        if (options.Layers.Count == 0)
            errors.Add($"{where}: layers is empty (use \"*\" for every layer)");
        foreach (var layer in options.Layers.Where(l => l != AccessRule.Everyone && catalog.FindLayer(l) is null))
            errors.Add($"{where}: unknown layer '{layer}'");
        if (options.Principals.Count + options.Roles.Count + options.Partners.Count == 0)
            errors.Add($"{where}: names no principal, role or partner (use principals [\"*\"] for everyone)");
        AccessEffect effect;
        switch (options.Effect.ToLowerInvariant())
        {
            case "allow": effect = AccessEffect.Allow; break;
            case "deny": effect = AccessEffect.Deny; break;
            default:
                errors.Add($"{where}: effect must be 'allow' or 'deny', not '{options.Effect}'");
                return null;
        }
        if (effect == AccessEffect.Deny && (options.Territory is not null || options.Attributes is not null))
            errors.Add($"{where}: a deny takes no territory or attributes");
        if (options.Attributes is not null)
        {
            var known = options.Layers.SelectMany(l => l == AccessRule.Everyone ? catalog.Layers : [catalog.FindLayer(l)!])
                .Where(l => l is not null).SelectMany(l => catalog.Expand(l)).SelectMany(l => l.Attributes).Select(a => a.Name).ToHashSet();
            foreach (var attribute in options.Attributes.Where(a => !known.Contains(a)))
                errors.Add($"{where}: attribute '{attribute}' is published by none of its layers");
        }
        var territory = options.Territory is null ? null : await TerritoryAsync(options.Territory, where, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > count)
            return null;
        return new AccessRule
        {
            Name = name,
            Layers = [.. options.Layers],
            Principals = [.. options.Principals],
            Roles = [.. options.Roles],
            Partners = [.. options.Partners],
            Effect = effect,
            Territory = territory,
            Attributes = options.Attributes is null ? null : [.. options.Attributes],
        };
    }

    private async Task<Geometry?> TerritoryAsync(TerritoryOptions options, string where, List<string> errors, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Wkt) == !string.IsNullOrWhiteSpace(options.Layer))
        {
            errors.Add($"{where}.territory: give exactly one of wkt and layer");
            return null;
        }
        if (!string.IsNullOrWhiteSpace(options.Wkt))
        {
            if (!crs.IsSupported(options.Srid))
            {
                errors.Add($"{where}.territory: SRID {options.Srid} is not supported");
                return null;
            }
            try
            {
                var geometry = new WKTReader().Read(options.Wkt);
                if (geometry.IsEmpty || geometry.Dimension != Dimension.Surface || !geometry.IsValid)
                {
                    errors.Add($"{where}.territory: the WKT must be a valid, non-empty polygon or multipolygon");
                    return null;
                }
                geometry.SRID = options.Srid;
                return geometry;
            }
            catch (ParseException ex)
            {
                errors.Add($"{where}.territory: bad WKT: {ex.Message}");
                return null;
            }
        }
        return await FeaturesTerritoryAsync(options, where, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The union of the features of a layer whose property (or id) is one of the values, e.g. communes by INSEE code.</summary>
    private async Task<Geometry?> FeaturesTerritoryAsync(TerritoryOptions options, string where, List<string> errors, CancellationToken cancellationToken)
    {
        if (catalog.FindLayer(options.Layer!) is not { Kind: LayerKind.Vector } layer)
        {
            errors.Add($"{where}.territory: '{options.Layer}' is not a vector layer");
            return null;
        }
        if (string.IsNullOrWhiteSpace(options.Property) || options.Values.Count == 0)
        {
            errors.Add($"{where}.territory: property and values are required with layer");
            return null;
        }
        Filter filter;
        if (options.Property == layer.IdColumn)
        {
            filter = new IdIn([.. options.Values]);
        }
        else if (layer.FindAttribute(options.Property) is { } attribute)
        {
            filter = new In(new PropertyName(attribute.Name), [.. options.Values.Select(v => new Literal(Typed(attribute, v)))]);
        }
        else
        {
            errors.Add($"{where}.territory: layer '{layer.Id}' has no attribute '{options.Property}'");
            return null;
        }
        var query = new FeatureQuery { Layer = layer, Filter = filter, Properties = [] };
        var parts = new List<Geometry>();
        await foreach (var feature in sources.For(layer).QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (feature.Geometry is { IsEmpty: false } g)
                parts.Add(g);
        }
        if (parts.Count == 0)
        {
            errors.Add($"{where}.territory: no feature of '{layer.Id}' has {options.Property} in [{string.Join(", ", options.Values)}]");
            return null;
        }
        var union = UnaryUnionOp.Union(parts);
        union.SRID = layer.Srid;
        return union;
    }

    /// <summary>Configuration values are strings; numeric columns compare with numbers.</summary>
    private static object Typed(AttributeDefinition attribute, string value) =>
        attribute.Type is AttributeType.Integer or AttributeType.Long
            && long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : value;
}
