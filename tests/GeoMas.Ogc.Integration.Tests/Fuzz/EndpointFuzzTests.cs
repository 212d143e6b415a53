using GeoMas.Ogc.Integration.Tests.Interop;
using Xunit.Abstractions;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// Mutated requests to every endpoint of the URL map, against the real server on Kestrel with PostGIS: no 5xx, no
/// hang, no dropped connection, errors in each protocol's form, and the server healthy afterwards.
/// </summary>
public sealed class PostGisEndpointFuzzTests(LiveServerFixture server, ITestOutputHelper output) : IClassFixture<LiveServerFixture>
{
    [Fact]
    public async Task Mutated_requests_to_every_endpoint_never_get_a_5xx_and_errors_keep_their_protocol_form()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(server.BaseUrl + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        await EndpointFuzz.RunAsync(client, FuzzTemplates.Protocols, [[]], EndpointFuzz.Cases(4000), output);
    }
}

/// <summary>
/// The same fuzz on the embedded GeoPackage default with security and the admin endpoints on: cases alternate
/// between the admin key, a territory-limited Basic user and anonymous callers, and headers are fuzzed too.
/// </summary>
public sealed class SecuredEmbeddedEndpointFuzzTests(SecuredEmbeddedFuzzFixture server, ITestOutputHelper output)
    : IClassFixture<SecuredEmbeddedFuzzFixture>
{
    [Fact]
    public async Task Mutated_requests_with_credentials_and_admin_calls_never_get_a_5xx()
    {
        using var client = server.Client;
        await EndpointFuzz.RunAsync(client, [.. FuzzTemplates.Protocols, .. FuzzTemplates.Admin],
            [server.AdminHeaders, server.PartnerHeaders, []], EndpointFuzz.Cases(1500), output);
    }
}
