using System.Globalization;
using System.Text;

namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// The compiled rules of one configuration generation. Layers not named restricted are public: everyone sees them
/// unless a deny (or a narrower grant for that principal) says otherwise; restricted layers are denied unless allowed.
/// </summary>
public sealed class AccessRuleSet
{
    public AccessRuleSet(IReadOnlyList<AccessRule> rules, IEnumerable<string> restrictedLayers)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(restrictedLayers);
        Rules = rules;
        RestrictedLayers = new HashSet<string>(restrictedLayers, StringComparer.Ordinal);
    }

    /// <summary>No rule, nothing restricted: everyone sees everything (the embedded default).</summary>
    public static AccessRuleSet Open { get; } = new([], []);

    public IReadOnlyList<AccessRule> Rules { get; }
    public IReadOnlySet<string> RestrictedLayers { get; }

    public bool IsOpen => Rules.Count == 0 && RestrictedLayers.Count == 0;

    /// <summary>The rules that concern <paramref name="principal"/>, in configuration order.</summary>
    public IReadOnlyList<AccessRule> RulesFor(AccessPrincipal principal) => [.. Rules.Where(r => r.Concerns(principal))];

    /// <summary>
    /// Identifies the principal's effective rule set within this generation: principals concerned by the same rules
    /// see the same catalog view, so views are cached per fingerprint rather than per principal.
    /// </summary>
    public string Fingerprint(AccessPrincipal principal)
    {
        var builder = new StringBuilder("r");
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Concerns(principal))
                builder.Append(CultureInfo.InvariantCulture, $":{i}");
        }
        return builder.ToString();
    }
}
