using System.Security.Cryptography;
using System.Text;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// Builds what one principal may see of a snapshot: denied layers are absent (so every capabilities document, collection
/// list, legend and group forgets them), attributes are trimmed, and restricted layers carry an
/// <see cref="AccessRestriction"/> (territory in the layer's SRID + tile scope). A view where everything is full is
/// the base snapshot itself, so the public and every fully entitled caller share one object and its caches.
/// </summary>
public sealed class CatalogViewBuilder(CrsRegistry crs)
{
    /// <summary>Tile scope of a layer seen whole: shared by the public and everyone entitled to the whole layer.</summary>
    public const string PublicScope = "public";

    public CatalogSnapshot Build(CatalogSnapshot snapshot, AccessRuleSet rules, AccessPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(principal);
        if (rules.IsOpen)
            return snapshot;

        var principalRules = rules.RulesFor(principal);
        var groupsOf = GroupsContaining(snapshot);
        var decided = new Dictionary<string, LayerDefinition?>(StringComparer.Ordinal);
        var changed = false;
        foreach (var layer in snapshot.Layers)
            changed |= !ReferenceEquals(Decide(layer, snapshot, principalRules, rules, groupsOf, decided, []), layer);
        if (!changed)
            return snapshot;

        var layers = snapshot.Layers.Select(l => decided[l.Id]).OfType<LayerDefinition>().ToList();
        var scopes = string.Join(",", layers.Select(l => l.Id + "=" + (l.Access?.Scope ?? PublicScope)));
        return new CatalogSnapshot(snapshot.Service, snapshot.Sources, layers, snapshot.Limits, snapshot.SupportedSrids,
            snapshot.UpdateSequence + "-" + ShortHash(Encoding.UTF8.GetBytes(scopes)));
    }

    /// <returns>The layer as this principal sees it (the same object when whole), or null when hidden.</returns>
    private LayerDefinition? Decide(LayerDefinition layer, CatalogSnapshot snapshot, IReadOnlyList<AccessRule> principalRules,
        AccessRuleSet rules, Dictionary<string, HashSet<string>> groupsOf, Dictionary<string, LayerDefinition?> decided, HashSet<string> visiting)
    {
        if (decided.TryGetValue(layer.Id, out var known))
            return known;
        LayerDefinition? result;
        if (layer.Kind == LayerKind.Group)
        {
            // A cycle is a catalog error caught by its validation; here it just ends the walk.
            if (!visiting.Add(layer.Id))
                return null;
            result = DecideGroup(layer, snapshot, principalRules, rules, groupsOf, decided, visiting);
            visiting.Remove(layer.Id);
        }
        else
        {
            var names = groupsOf.TryGetValue(layer.Id, out var groups) ? new HashSet<string>(groups) { layer.Id } : new HashSet<string> { layer.Id };
            var restricted = names.Any(rules.RestrictedLayers.Contains);
            result = Apply(layer, AccessEvaluator.Evaluate(principalRules, names, restricted));
        }
        decided[layer.Id] = result;
        return result;
    }

    private LayerDefinition? DecideGroup(LayerDefinition group, CatalogSnapshot snapshot, IReadOnlyList<AccessRule> principalRules,
        AccessRuleSet rules, Dictionary<string, HashSet<string>> groupsOf, Dictionary<string, LayerDefinition?> decided, HashSet<string> visiting)
    {
        var children = new List<string>();
        var whole = true;
        var scope = new StringBuilder();
        foreach (var childId in group.Children)
        {
            var child = snapshot.FindLayer(childId);
            var seen = child is null ? null : Decide(child, snapshot, principalRules, rules, groupsOf, decided, visiting);
            whole &= ReferenceEquals(seen, child);
            scope.Append(childId).Append('=').Append(seen is null ? "hidden" : seen.Access?.Scope ?? PublicScope).Append(';');
            if (seen is not null)
                children.Add(childId);
        }
        if (whole)
            return group;
        if (children.Count == 0)
            return null;
        return group with { Children = children, Access = new AccessRestriction("g" + ShortHash(Encoding.UTF8.GetBytes(scope.ToString())), null) };
    }

    private LayerDefinition? Apply(LayerDefinition layer, LayerAccess access)
    {
        if (!access.Allowed)
            return null;
        if (access.IsFull)
            return layer;

        // Rasters and cascaded layers cannot be clipped to a territory: a partial grant on them hides them.
        if (access.Territories.Count > 0 && layer.Kind != LayerKind.Vector)
            return null;
        var territory = Territory(layer, access.Territories);
        var attributes = access.Attributes is null ? layer.Attributes : [.. layer.Attributes.Where(a => access.Attributes.Contains(a.Name))];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (territory is not null)
            hash.AppendData(new WKBWriter().Write(territory));
        hash.AppendData(Encoding.UTF8.GetBytes("|" + (access.Attributes is null ? "*" : string.Join(",", attributes.Select(a => a.Name)))));
        var scope = "a" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
        return layer with { Attributes = attributes, Access = new AccessRestriction(scope, territory) };
    }

    /// <summary>The union of the granted territories in the layer's SRID (null when not limited to one).</summary>
    private Geometry? Territory(LayerDefinition layer, IReadOnlyList<Geometry> territories)
    {
        if (territories.Count == 0)
            return null;
        Geometry? union = null;
        foreach (var territory in territories)
        {
            var native = territory.SRID == layer.Srid
                ? territory
                : crs.GetTransform(territory.SRID, layer.Srid).Transform(territory);
            union = union is null ? native : union.Union(native);
        }
        union!.SRID = layer.Srid;
        return union;
    }

    /// <summary>For every layer, the groups that contain it directly or through other groups.</summary>
    private static Dictionary<string, HashSet<string>> GroupsContaining(CatalogSnapshot snapshot)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in snapshot.Layers.Where(l => l.Kind == LayerKind.Group))
        {
            var pending = new Stack<string>(group.Children);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var id = pending.Pop();
                if (!seen.Add(id))
                    continue;
                if (!result.TryGetValue(id, out var set))
                    result[id] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(group.Id);
                if (snapshot.FindLayer(id) is { Kind: LayerKind.Group } inner)
                {
                    foreach (var child in inner.Children)
                        pending.Push(child);
                }
            }
        }
        return result;
    }

    private static string ShortHash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data).AsSpan(0, 8));
}
