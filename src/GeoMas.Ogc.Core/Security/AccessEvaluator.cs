using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// Decides one layer for one principal's rules. Deny wins over allow. Grants add up dimension by dimension: an
/// allow without territory lifts every territory, an allow without attribute list lifts every attribute limit,
/// otherwise territories are united and attribute lists merged. With no rule naming the layer, a public layer is
/// fully visible and a restricted one is hidden.
/// </summary>
public static class AccessEvaluator
{
    /// <param name="rules">The rules concerning the principal (<see cref="AccessRuleSet.RulesFor"/>).</param>
    /// <param name="layerNames">The layer id and the ids of the groups containing it.</param>
    /// <param name="restricted">Whether the layer is restricted (deny by default).</param>
    public static LayerAccess Evaluate(IReadOnlyList<AccessRule> rules, IReadOnlyCollection<string> layerNames, bool restricted)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(layerNames);
        var anyAllow = false;
        var everywhere = false;
        var allAttributes = false;
        var territories = new List<Geometry>();
        var attributes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!rule.AppliesTo(layerNames))
                continue;
            if (rule.Effect == AccessEffect.Deny)
                return LayerAccess.Denied;
            anyAllow = true;
            if (rule.Territory is null)
                everywhere = true;
            else
                territories.Add(rule.Territory);
            if (rule.Attributes is null)
                allAttributes = true;
            else
                attributes.UnionWith(rule.Attributes);
        }
        if (!anyAllow)
            return restricted ? LayerAccess.Denied : LayerAccess.Full;
        return new LayerAccess(true, everywhere ? [] : territories, allAttributes ? null : attributes);
    }
}
