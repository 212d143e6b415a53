using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Security;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Security;

public class CatalogViewBuilderTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);
    private static readonly CatalogViewBuilder Builder = new(new CrsRegistry());

    private static LayerDefinition Vector(string id) => new()
    {
        Id = id,
        Title = id,
        SourceId = "main",
        Table = id,
        Attributes = [new AttributeDefinition("id", AttributeType.String), new AttributeDefinition("contenance", AttributeType.Integer)],
    };

    private static CatalogSnapshot Snapshot() => new(new ServiceMetadata { Title = "t" }, new Dictionary<string, SourceDefinition>(),
        [Vector("communes"), Vector("parcelles"), Vector("batiments"),
         new LayerDefinition { Id = "plan", Title = "plan", Kind = LayerKind.Group, Children = ["parcelles", "batiments", "communes"] }],
        new ServiceLimits(), [2154], "7");

    private static Polygon Square(double x, double y, double size, int srid = 2154)
    {
        var polygon = new GeometryFactory(new PrecisionModel(), srid).CreatePolygon(
            [new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        return polygon;
    }

    [Fact]
    public void Open_rules_and_full_views_return_the_base_snapshot_itself()
    {
        var snapshot = Snapshot();
        var rules = new AccessRuleSet([new AccessRule { Name = "admin", Layers = ["*"], Roles = ["admin"] }], ["parcelles"]);

        Assert.Same(snapshot, Builder.Build(snapshot, AccessRuleSet.Open, AccessPrincipal.Anonymous));
        Assert.Same(snapshot, Builder.Build(snapshot, rules, new AccessPrincipal("key:ops", null, ["admin"])));
    }

    [Fact]
    public void Denied_layers_vanish_from_the_view_and_from_groups()
    {
        var view = Builder.Build(Snapshot(), new AccessRuleSet([], ["parcelles", "batiments"]), AccessPrincipal.Anonymous);

        Assert.Null(view.FindLayer("parcelles"));
        Assert.Null(view.FindLayer("batiments"));
        Assert.Equal(["communes"], view.FindLayer("plan")!.Children);
        Assert.Equal(["communes"], view.Expand(view.FindLayer("plan")!).Select(l => l.Id));
        Assert.NotEqual("7", view.UpdateSequence);
    }

    [Fact]
    public void A_group_with_no_visible_member_vanishes()
    {
        var rules = new AccessRuleSet([new AccessRule { Name = "d", Layers = ["communes"], Effect = AccessEffect.Deny, Principals = ["*"] }], ["parcelles", "batiments"]);

        Assert.Null(Builder.Build(Snapshot(), rules, AccessPrincipal.Anonymous).FindLayer("plan"));
    }

    [Fact]
    public void Territory_and_attributes_are_carried_by_the_layer_with_a_scope()
    {
        var rules = new AccessRuleSet(
            [new AccessRule { Name = "a", Layers = ["parcelles"], Partners = ["a"], Territory = Square(0, 0, 10), Attributes = ["id"] }], ["parcelles"]);

        var layer = Builder.Build(Snapshot(), rules, new AccessPrincipal("user:x", "a", [])).FindLayer("parcelles")!;

        Assert.Equal(["id"], layer.Attributes.Select(a => a.Name));
        Assert.NotNull(layer.Access);
        Assert.Equal(2154, layer.Access!.Territory!.SRID);
        Assert.True(layer.Access.Territory.EqualsTopologically(Square(0, 0, 10)));
        Assert.NotEqual(CatalogViewBuilder.PublicScope, layer.Access.Scope);
    }

    [Fact]
    public void Scopes_differ_between_territories_and_match_for_equal_ones()
    {
        AccessRuleSet Rules(Polygon territory) => new([new AccessRule { Name = "a", Layers = ["parcelles"], Partners = ["a"], Territory = territory }], ["parcelles"]);
        var principal = new AccessPrincipal("user:x", "a", []);

        var one = Builder.Build(Snapshot(), Rules(Square(0, 0, 10)), principal).FindLayer("parcelles")!.Access!.Scope;
        var same = Builder.Build(Snapshot(), Rules(Square(0, 0, 10)), principal).FindLayer("parcelles")!.Access!.Scope;
        var other = Builder.Build(Snapshot(), Rules(Square(50, 0, 10)), principal).FindLayer("parcelles")!.Access!.Scope;

        Assert.Equal(one, same);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void A_territory_in_another_crs_is_transformed_to_the_layer_srid()
    {
        var wgs84 = Square(6.0, 44.5, 0.01, 4326);
        var rules = new AccessRuleSet([new AccessRule { Name = "a", Layers = ["parcelles"], Partners = ["a"], Territory = wgs84 }], ["parcelles"]);

        var territory = Builder.Build(Snapshot(), rules, new AccessPrincipal("user:x", "a", [])).FindLayer("parcelles")!.Access!.Territory!;

        Assert.Equal(2154, territory.SRID);
        Assert.InRange(territory.EnvelopeInternal.MinX, 900_000, 1_000_000);
    }

    [Fact]
    public void A_group_with_a_clipped_member_gets_its_own_scope()
    {
        var rules = new AccessRuleSet([new AccessRule { Name = "a", Layers = ["parcelles"], Partners = ["a"], Territory = Square(0, 0, 10) }], ["parcelles"]);

        var view = Builder.Build(Snapshot(), rules, new AccessPrincipal("user:x", "a", []));

        Assert.NotNull(view.FindLayer("plan")!.Access);
        Assert.Null(view.FindLayer("communes")!.Access);
    }
}
