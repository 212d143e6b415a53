using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// One compiled authorisation rule: whom it concerns (principal ids, roles, partners; "*" = everyone), which layers
/// ("*" = all; a group id = each of its members), and what it grants. An allow may limit the grant to a territory
/// (geometry with its SRID set, already resolved from WKT or from features) and to a set of attributes.
/// </summary>
public sealed record AccessRule
{
    public const string Everyone = "*";

    /// <summary>Name for logs and the scope fingerprint ("rules[3]" when the configuration names none).</summary>
    public required string Name { get; init; }
    public required IReadOnlyList<string> Layers { get; init; }
    public IReadOnlyList<string> Principals { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Partners { get; init; } = [];
    public AccessEffect Effect { get; init; } = AccessEffect.Allow;
    /// <summary>Allow only: features must intersect this geometry (SRID in <see cref="Geometry.SRID"/>); null = everywhere.</summary>
    public Geometry? Territory { get; init; }
    /// <summary>Allow only: the attributes that may be read; null = all published ones.</summary>
    public IReadOnlyList<string>? Attributes { get; init; }

    /// <summary>A rule concerns a principal when any of its subject lists names them.</summary>
    public bool Concerns(AccessPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        foreach (var id in Principals)
        {
            if (id == Everyone || id == principal.Id)
                return true;
        }
        foreach (var role in Roles)
        {
            if (principal.Roles.Contains(role))
                return true;
        }
        return principal.Partner is { } partner && Partners.Contains(partner, StringComparer.Ordinal);
    }

    /// <summary>True when the rule names "*" or one of <paramref name="layerNames"/> (a layer id and its groups).</summary>
    public bool AppliesTo(IReadOnlyCollection<string> layerNames)
    {
        foreach (var layer in Layers)
        {
            if (layer == Everyone || layerNames.Contains(layer))
                return true;
        }
        return false;
    }
}
