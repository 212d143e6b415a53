using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>
/// Token and credential validation: every wrong credential is a 401 with a challenge, in the protocol's error form,
/// never a silent downgrade to anonymous; a missing credential on a restricted layer is the unknown-layer answer.
/// </summary>
public sealed class AuthenticationTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private const string Items = "/collections/parcelles/items?f=json&limit=1";

    public static TheoryData<string> SpoiledTokens => new() { "expired", "audience", "issuer", "signature", "none", "garbage" };

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task A_spoiled_bearer_token_is_a_401_with_a_Bearer_challenge(string spoil)
    {
        var token = spoil switch
        {
            "expired" => server.Token(SecuredServerFixture.PartnerA, ["agent"], expires: DateTime.UtcNow.AddMinutes(-10)),
            "audience" => server.Token(SecuredServerFixture.PartnerA, ["agent"], audience: "someone-else"),
            "issuer" => server.Token(SecuredServerFixture.PartnerA, ["agent"], issuer: "https://evil.example"),
            "signature" => server.Token(SecuredServerFixture.PartnerA, ["agent"],
                credentials: new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256)),
            "none" => Unsigned(server.Token(SecuredServerFixture.PartnerA, ["agent"])),
            _ => "not.a.token",
        };
        using var client = server.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var items = await client.GetAsync(Items);
        using var capabilities = await client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities");

        Assert.Equal(HttpStatusCode.Unauthorized, items.StatusCode);
        Assert.StartsWith("Bearer", items.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"code\"", await items.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, capabilities.StatusCode);
        Assert.Contains("ServiceExceptionReport", await capabilities.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_reaches_the_partners_layers()
    {
        using var client = server.Client(Principal.PartnerA);

        using var items = await client.GetAsync(Items);

        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
    }

    [Fact]
    public async Task No_credentials_on_a_restricted_layer_is_the_unknown_layer_answer_not_a_challenge()
    {
        using var client = server.Client(Principal.Anonymous);

        using var items = await client.GetAsync(Items);

        Assert.Equal(HttpStatusCode.NotFound, items.StatusCode);
        await AssertWmsExceptionAsync(client, GetMap("parcelles", Gap), "LayerNotDefined");
    }

    [Theory]
    [InlineData("header")]
    [InlineData("query")]
    public async Task An_api_key_works_in_the_header_and_in_the_apikey_parameter(string where)
    {
        using var client = server.App.CreateClient();
        var url = "/collections/plu_zones/items?f=json&limit=1";
        if (where == "header")
            client.DefaultRequestHeaders.Add("X-Api-Key", server.WebKey);
        else
            url += "&apikey=" + Uri.EscapeDataString(server.WebKey);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("unknown")]
    public async Task A_revoked_or_unknown_key_is_a_401_not_anonymous(string which)
    {
        using var client = server.App.CreateClient();
        var key = which == "revoked" ? server.RevokedKey : "gm_" + new string('x', 43);

        using var response = await client.GetAsync("/collections?f=json&apikey=" + Uri.EscapeDataString(key));
        using var wmts = await client.GetAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&apikey=" + Uri.EscapeDataString(key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wmts.StatusCode);
        Assert.Contains("ExceptionReport", await wmts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "wrong")]
    [InlineData("nobody", "whatever")]
    public async Task Wrong_basic_credentials_are_a_401_with_a_Basic_challenge(string user, string password)
    {
        using var client = server.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

        using var response = await client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic realm=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_authorization_scheme_is_a_401()
    {
        using var client = server.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Digest", "username=\"bob\"");

        using var response = await client.GetAsync("/collections?f=json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The same claims with "alg":"none" and no signature.</summary>
    private static string Unsigned(string token)
    {
        var payload = token.Split('.')[1];
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + payload + ".";
    }
}
