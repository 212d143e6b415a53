using System.Net;
using System.Xml.Linq;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>The WFS rows of the matrix: the same views and the same territory clipping as every other protocol.</summary>
public sealed class WfsAccessMatrixTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private static readonly string[] Restricted = ["parcelles", "batiments", "plu_zones"];

    public static TheoryData<Principal, string[]> Visible => new()
    {
        { Principal.Anonymous, [] },
        { Principal.PublicKey, ["plu_zones"] },
        { Principal.PartnerA, ["plu_zones", "parcelles", "batiments"] },
        { Principal.PartnerB, ["plu_zones", "parcelles"] },
        { Principal.Admin, ["plu_zones", "parcelles", "batiments"] },
    };

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task Feature_types_and_GetFeature_follow_the_callers_view(Principal principal, string[] visible)
    {
        using var client = server.Client(principal);

        using var capabilities = await client.GetAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.OK, capabilities.StatusCode);
        XNamespace wfs = "http://www.opengis.net/wfs/2.0";
        var types = XDocument.Parse(await capabilities.Content.ReadAsStringAsync())
            .Descendants(wfs + "FeatureType").Elements(wfs + "Name").Select(e => e.Value).ToHashSet();
        Assert.Contains("geomas:communes", types);
        foreach (var layer in Restricted)
        {
            Assert.Equal(visible.Contains(layer), types.Contains("geomas:" + layer));
            if (!visible.Contains(layer))
            {
                var text = await (await client.GetAsync($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:{layer}&COUNT=1")).Content.ReadAsStringAsync();
                Assert.Contains("ExceptionReport", text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(Principal.PartnerA, true, false)]
    [InlineData(Principal.PartnerB, false, true)]
    [InlineData(Principal.Admin, true, true)]
    public async Task GetFeature_is_clipped_to_the_territory(Principal principal, bool seesGap, bool seesPelleautier)
    {
        using var client = server.Client(principal);

        var gap = await GetFeatureAroundAsync(client, Gap);
        var pelleautier = await GetFeatureAroundAsync(client, Pelleautier);

        Assert.Equal(seesGap, gap.Contains(GapParcel, StringComparison.Ordinal));
        Assert.Equal(seesPelleautier, pelleautier.Contains(PelleautierParcel, StringComparison.Ordinal));
        Assert.Equal(principal != Principal.PartnerA, gap.Contains("contenance", StringComparison.Ordinal) || !seesGap);
    }

    private static async Task<string> GetFeatureAroundAsync(HttpClient client, (double X, double Y) point)
    {
        using var response = await client.GetAsync(
            $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:parcelles&COUNT=10&BBOX={Bbox(point, 5)},urn:ogc:def:crs:EPSG::2154");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }
}
