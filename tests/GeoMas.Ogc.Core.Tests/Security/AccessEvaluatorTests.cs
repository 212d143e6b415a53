using GeoMas.Ogc.Core.Security;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Security;

/// <summary>One test per rule type and per way rules combine.</summary>
public class AccessEvaluatorTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);
    private static readonly AccessPrincipal AgentA = new("jwt:alice", "ca-gap", ["agent"]);
    private static readonly string[] Parcelles = ["parcelles", "plan"];

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon(
        [new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    private static AccessRule Rule(string name, AccessEffect effect = AccessEffect.Allow, string layer = "parcelles",
        Geometry? territory = null, string[]? attributes = null, string[]? partners = null, string[]? roles = null, string[]? principals = null) => new()
        {
            Name = name,
            Layers = [layer],
            Effect = effect,
            Territory = territory,
            Attributes = attributes,
            Partners = partners ?? [],
            Roles = roles ?? [],
            Principals = principals ?? [],
        };

    private static LayerAccess Evaluate(AccessPrincipal principal, bool restricted, params AccessRule[] rules) =>
        AccessEvaluator.Evaluate(new AccessRuleSet(rules, restricted ? ["parcelles"] : []).RulesFor(principal), Parcelles, restricted);

    [Fact]
    public void Public_layer_without_rules_is_fully_visible()
    {
        Assert.True(Evaluate(AccessPrincipal.Anonymous, restricted: false).IsFull);
    }

    [Fact]
    public void Restricted_layer_without_an_allow_is_denied()
    {
        Assert.False(Evaluate(AgentA, restricted: true, Rule("other partner", partners: ["cc-ouest"])).Allowed);
    }

    [Fact]
    public void Allow_by_partner_opens_a_restricted_layer()
    {
        Assert.True(Evaluate(AgentA, restricted: true, Rule("a", partners: ["ca-gap"])).IsFull);
    }

    [Fact]
    public void Allow_by_role_and_by_principal_id_match()
    {
        Assert.True(Evaluate(AgentA, true, Rule("r", roles: ["agent"])).Allowed);
        Assert.True(Evaluate(AgentA, true, Rule("p", principals: ["jwt:alice"])).Allowed);
        Assert.False(Evaluate(AgentA, true, Rule("p", principals: ["jwt:bob"])).Allowed);
    }

    [Fact]
    public void Everyone_star_concerns_the_anonymous_public()
    {
        Assert.True(Evaluate(AccessPrincipal.Anonymous, true, Rule("all", principals: [AccessRule.Everyone])).Allowed);
    }

    [Fact]
    public void Deny_hides_a_public_layer_and_wins_over_allow()
    {
        Assert.False(Evaluate(AccessPrincipal.Anonymous, false, Rule("no", AccessEffect.Deny, principals: ["anonymous"])).Allowed);
        Assert.False(Evaluate(AgentA, true, Rule("yes", roles: ["agent"]), Rule("no", AccessEffect.Deny, partners: ["ca-gap"])).Allowed);
    }

    [Fact]
    public void Territory_limits_the_grant()
    {
        var access = Evaluate(AgentA, true, Rule("t", partners: ["ca-gap"], territory: Square(0, 0, 10)));

        Assert.True(access.Allowed);
        Assert.False(access.IsFull);
        Assert.Single(access.Territories);
    }

    [Fact]
    public void Territories_of_several_allows_add_up_and_an_unlimited_allow_lifts_them()
    {
        var two = Evaluate(AgentA, true, Rule("t1", partners: ["ca-gap"], territory: Square(0, 0, 10)), Rule("t2", roles: ["agent"], territory: Square(20, 0, 10)));
        var lifted = Evaluate(AgentA, true, Rule("t1", partners: ["ca-gap"], territory: Square(0, 0, 10)), Rule("all", roles: ["agent"]));

        Assert.Equal(2, two.Territories.Count);
        Assert.True(lifted.IsFull);
    }

    [Fact]
    public void Attributes_limit_the_grant_and_merge_across_allows()
    {
        var access = Evaluate(AgentA, true, Rule("a1", partners: ["ca-gap"], attributes: ["id", "section"]), Rule("a2", roles: ["agent"], attributes: ["numero"]));

        Assert.Equal(["id", "numero", "section"], access.Attributes!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rule_on_a_group_applies_to_its_members_and_star_to_every_layer()
    {
        Assert.True(Evaluate(AgentA, true, Rule("g", layer: "plan", roles: ["agent"])).Allowed);
        Assert.True(Evaluate(AgentA, true, Rule("s", layer: AccessRule.Everyone, roles: ["agent"])).Allowed);
        Assert.False(Evaluate(AgentA, true, Rule("x", layer: "fond_plan", roles: ["agent"])).Allowed);
    }

    [Fact]
    public void A_grant_for_a_principal_on_a_public_layer_narrows_what_they_see()
    {
        var access = Evaluate(AgentA, false, Rule("t", partners: ["ca-gap"], territory: Square(0, 0, 10)));

        Assert.False(access.IsFull);
    }

    [Fact]
    public void Principals_with_the_same_rules_share_a_fingerprint()
    {
        var rules = new AccessRuleSet([Rule("a", partners: ["ca-gap"]), Rule("b", roles: ["admin"])], ["parcelles"]);

        Assert.Equal(rules.Fingerprint(AgentA), rules.Fingerprint(new AccessPrincipal("user:bob", "ca-gap", [])));
        Assert.NotEqual(rules.Fingerprint(AgentA), rules.Fingerprint(AccessPrincipal.Anonymous));
    }
}
