using System.Net;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>
/// The matrix: each principal × each protocol × the restricted layers (parcelles, batiments, plu_zones) —
/// allowed content present, denied content absent everywhere (capabilities, collections, OpenAPI, legends, maps,
/// tiles, feature info, items, counts), and territory clipping checked by pixels and feature ids.
/// </summary>
public sealed class AccessMatrixTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private static readonly string[] Public = ["communes", "routes", "sentiers"];

    public static TheoryData<Principal, string[]> Visible => new()
    {
        { Principal.Anonymous, Public },
        { Principal.PublicKey, [.. Public, "plu_zones"] },
        { Principal.PartnerA, [.. Public, "plu_zones", "parcelles", "batiments"] },
        { Principal.PartnerB, [.. Public, "plu_zones", "parcelles"] },
        { Principal.Admin, [.. Public, "plu_zones", "parcelles", "batiments"] },
    };

    private static readonly string[] Restricted = ["parcelles", "batiments", "plu_zones"];

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task Capabilities_collections_and_OpenAPI_list_exactly_the_visible_layers(Principal principal, string[] visible)
    {
        using var client = server.Client(principal);
        var hidden = Restricted.Except(visible).ToArray();

        var wms = await WmsLayerNamesAsync(client);
        var wmts = await WmtsLayerNamesAsync(client);
        var collections = await CollectionIdsAsync(client);
        var openApi = await OpenApiAsync(client);

        foreach (var layer in visible)
        {
            Assert.Contains(layer, wms);
            Assert.Contains(layer, wmts);
            Assert.Contains(layer, collections);
        }
        foreach (var layer in hidden)
        {
            Assert.DoesNotContain(layer, wms);
            Assert.DoesNotContain(layer, wmts);
            Assert.DoesNotContain(layer, collections);
            Assert.DoesNotContain("/collections/" + layer, openApi, StringComparison.Ordinal);
        }
        // Groups stay listed while one member is visible.
        Assert.Contains("plan", wms);
        Assert.Contains("fond_plan", wms);
    }

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task Hidden_layers_are_unknown_layers_in_every_protocol(Principal principal, string[] visible)
    {
        using var client = server.Client(principal);
        var (x, y) = Tile16(Gap);
        foreach (var layer in Restricted.Except(visible))
        {
            await AssertWmsExceptionAsync(client, GetMap(layer, Gap), "LayerNotDefined");
            await AssertWmsExceptionAsync(client, GetLegend(layer), "LayerNotDefined");
            await AssertWmsExceptionAsync(client, GetFeatureInfo(layer, Gap), "LayerNotDefined");
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/collections/{layer}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/collections/{layer}/items?limit=1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tiles/{layer}/16/{x}/{y}.png")).StatusCode);
            var wmts = await client.GetAsync($"/wmts/1.0.0/{layer}/default/WebMercatorQuad/16/{y}/{x}.png");
            Assert.NotEqual(HttpStatusCode.OK, wmts.StatusCode);
        }
        foreach (var layer in visible.Intersect(Restricted))
        {
            var legend = await ImageAsync(client, GetLegend(layer));
            Assert.True(OpaquePixels(legend) > 0);
        }
    }

    [Theory]
    [InlineData(Principal.PartnerA, true, false)]
    [InlineData(Principal.PartnerB, false, true)]
    [InlineData(Principal.Admin, true, true)]
    public async Task Parcel_maps_are_clipped_to_the_partners_territory(Principal principal, bool seesGap, bool seesPelleautier)
    {
        using var client = server.Client(principal);

        var gap = OpaquePixels(await ImageAsync(client, GetMap("parcelles", Gap)));
        var pelleautier = OpaquePixels(await ImageAsync(client, GetMap("parcelles", Pelleautier)));

        Assert.Equal(seesGap, gap > 500);
        Assert.Equal(seesPelleautier, pelleautier > 500);
        if (!seesGap)
            Assert.Equal(0, gap);
        if (!seesPelleautier)
            Assert.Equal(0, pelleautier);
    }

    [Theory]
    [InlineData(Principal.PartnerA, true, false)]
    [InlineData(Principal.PartnerB, false, true)]
    [InlineData(Principal.Admin, true, true)]
    public async Task Xyz_and_Wmts_tiles_are_clipped_to_the_territory(Principal principal, bool seesGap, bool seesPelleautier)
    {
        using var client = server.Client(principal);
        foreach (var (point, sees) in new[] { (Gap, seesGap), (Pelleautier, seesPelleautier) })
        {
            var (x, y) = Tile16(point);
            var xyz = OpaquePixels(await ImageAsync(client, $"/tiles/parcelles/16/{x}/{y}.png"));
            var wmts = OpaquePixels(await ImageAsync(client, $"/wmts/1.0.0/parcelles/default/WebMercatorQuad/16/{y}/{x}.png"));
            Assert.Equal(sees, xyz > 500);
            Assert.Equal(sees, wmts > 500);
        }
    }

    [Theory]
    [InlineData(Principal.Anonymous)]
    [InlineData(Principal.PartnerA)]
    [InlineData(Principal.PartnerB)]
    public async Task A_group_omits_the_members_the_caller_may_not_see(Principal principal)
    {
        using var admin = server.Client(Principal.Admin);
        using var client = server.Client(principal);

        var whole = await ImageAsync(admin, GetMap("plan", Pelleautier));
        var seen = await ImageAsync(client, GetMap("plan", Pelleautier));
        // Partner B sees the parcels at Pelleautier, but no buildings: still not the whole picture.
        Assert.NotEqual(whole, seen);
        var (x, y) = Tile16(Pelleautier);
        Assert.NotEqual(await ImageAsync(admin, $"/tiles/plan/16/{x}/{y}.png"), await ImageAsync(client, $"/tiles/plan/16/{x}/{y}.png"));
    }

    [Theory]
    [InlineData(Principal.PartnerA, GapParcel, true)]
    [InlineData(Principal.PartnerA, PelleautierParcel, false)]
    [InlineData(Principal.PartnerB, GapParcel, false)]
    [InlineData(Principal.PartnerB, PelleautierParcel, true)]
    [InlineData(Principal.Admin, GapParcel, true)]
    [InlineData(Principal.Admin, PelleautierParcel, true)]
    public async Task Items_outside_the_territory_are_not_found(Principal principal, string parcel, bool found)
    {
        using var client = server.Client(principal);

        using var item = await JsonAsync(client, $"/collections/parcelles/items/{parcel}?f=json");

        Assert.Equal(found, item is not null);
    }

    [Theory]
    [InlineData(Principal.PartnerA, GapParcel, false)]
    [InlineData(Principal.PartnerB, PelleautierParcel, true)]
    [InlineData(Principal.Admin, GapParcel, true)]
    public async Task Attributes_are_trimmed_in_items_and_feature_info(Principal principal, string parcel, bool seesArea)
    {
        using var client = server.Client(principal);

        using var item = await JsonAsync(client, $"/collections/parcelles/items/{parcel}?f=json");
        var properties = item!.RootElement.GetProperty("properties");
        Assert.True(properties.TryGetProperty("section", out _));
        Assert.Equal(seesArea, properties.TryGetProperty("contenance", out _));

        var point = parcel == GapParcel ? Gap : Pelleautier;
        using var info = await client.GetAsync(GetFeatureInfo("parcelles", point));
        var text = await info.Content.ReadAsStringAsync();
        Assert.Contains(parcel, text, StringComparison.Ordinal);
        Assert.Equal(seesArea, text.Contains("contenance", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Principal.PartnerA, GapParcel, PelleautierParcel)]
    [InlineData(Principal.PartnerB, PelleautierParcel, GapParcel)]
    public async Task Feature_info_outside_the_territory_finds_nothing(Principal principal, string inside, string outside)
    {
        using var client = server.Client(principal);

        var insideText = await (await client.GetAsync(GetFeatureInfo("parcelles", inside == GapParcel ? Gap : Pelleautier))).Content.ReadAsStringAsync();
        var outsideText = await (await client.GetAsync(GetFeatureInfo("parcelles", outside == GapParcel ? Gap : Pelleautier))).Content.ReadAsStringAsync();

        Assert.Contains(inside, insideText, StringComparison.Ordinal);
        Assert.DoesNotContain(outside, outsideText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\"", outsideText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_are_clipped_to_the_territory()
    {
        using var admin = server.Client(Principal.Admin);
        using var a = server.Client(Principal.PartnerA);
        using var b = server.Client(Principal.PartnerB);

        var total = await MatchedAsync(admin, "");
        var gapParcels = await MatchedAsync(admin, "&filter=commune%3D%2705061%27");
        var countA = await MatchedAsync(a, "");
        var countB = await MatchedAsync(b, "");
        var gapSeenByB = await MatchedAsync(b, "&filter=commune%3D%2705061%27");

        Assert.InRange(countA, gapParcels, total - 1);
        Assert.InRange(countB, 1, total - gapParcels);
        // Parcels sharing a border with B's communes are the only Gap parcels B can count.
        Assert.True(gapSeenByB < 200, $"B counts {gapSeenByB} Gap parcels");
    }

    private static async Task<long> MatchedAsync(HttpClient client, string query)
    {
        using var page = await JsonAsync(client, "/collections/parcelles/items?f=json&limit=1" + query);
        return page!.RootElement.GetProperty("numberMatched").GetInt64();
    }
}
