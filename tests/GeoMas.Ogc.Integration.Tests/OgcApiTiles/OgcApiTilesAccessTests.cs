using System.Net;
using GeoMas.Ogc.Integration.Tests.Security;

namespace GeoMas.Ogc.Integration.Tests.OgcApiTiles;

/// <summary>
/// Access rules reach Tiles and Maps through the caller's catalog view: a hidden layer has no tilesets, tiles or map
/// (404, as an unknown collection), a visible one has them.
/// </summary>
public sealed class OgcApiTilesAccessTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private static readonly string[] Restricted = ["parcelles", "batiments", "plu_zones"];

    public static TheoryData<Principal, string[]> Visible => new()
    {
        { Principal.Anonymous, [] },
        { Principal.PublicKey, ["plu_zones"] },
        { Principal.PartnerB, ["plu_zones", "parcelles"] },
        { Principal.Admin, ["plu_zones", "parcelles", "batiments"] },
    };

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task Hidden_layers_have_no_tiles_and_no_map(Principal principal, string[] visible)
    {
        using var client = server.Client(principal);
        var (x, y) = SecurityProbe.Tile16(SecurityProbe.Gap);
        foreach (var layer in Restricted)
        {
            var expected = visible.Contains(layer) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            foreach (var path in new[]
                     {
                         $"/collections/{layer}/tiles",
                         $"/collections/{layer}/tiles/WebMercatorQuad",
                         $"/collections/{layer}/tiles/WebMercatorQuad/16/{y}/{x}",
                         $"/collections/{layer}/map?width=64",
                     })
            {
                using var response = await client.GetAsync(path);
                Assert.True(expected == response.StatusCode, $"{principal} {path}: {(int)response.StatusCode}");
            }
        }
        using var tilesets = await client.GetAsync("/collections/routes/tiles");
        Assert.Equal(HttpStatusCode.OK, tilesets.StatusCode);
    }
}
