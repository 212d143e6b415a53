using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Server.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>
/// The cap on feature responses: the server's slots are taken through the gate itself (deterministic), then WFS and
/// OGC API feature requests are refused with 503 (full) or 429 (this client's share) and Retry-After, in each
/// protocol's error form, while other requests pass.
/// </summary>
public sealed class ExportGateTests : IAsyncLifetime
{
    private readonly string _key = ApiKeyHasher.NewKey();
    private TestApp? _app;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        "--security:apiKeys:0:id=sync", "--security:apiKeys:0:hash=" + ApiKeyHasher.Hash(_key),
        "--protection:exports:maxConcurrent=2", "--protection:exports:maxQueued=0", "--protection:exports:maxPerClient=1",
        "--protection:exports:retryAfterSeconds=7");

    private ExportGate Gate => _app!.App.Services.GetRequiredService<ExportGate>();

    private static async Task<IDisposable> OccupyAsync(ExportGate gate, string client)
    {
        var admission = await gate.EnterAsync(client, default);
        return admission.Lease ?? throw new Xunit.Sdk.XunitException("the gate refused the test's own occupant: " + admission.Result);
    }

    [Fact]
    public async Task A_full_server_answers_503_with_Retry_After_in_each_protocols_form_and_lets_other_requests_through()
    {
        using var client = _app!.CreateClient();
        using (await OccupyAsync(Gate, "someone"))
        using (await OccupyAsync(Gate, "someone-else"))
        {
            using var items = await client.GetAsync("/collections/communes/items?limit=1");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, items.StatusCode);
            Assert.Equal("7", items.Headers.GetValues("Retry-After").Single());
            using (var json = JsonDocument.Parse(await items.Content.ReadAsStringAsync()))
                Assert.Equal("ServiceUnavailable", json.RootElement.GetProperty("code").GetString());

            using var wfs = await client.GetAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=communes&COUNT=1");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, wfs.StatusCode);
            Assert.Equal(XName.Get("ExceptionReport", "http://www.opengis.net/ows/1.1"), XDocument.Parse(await wfs.Content.ReadAsStringAsync()).Root!.Name);

            const string post = """
                <?xml version="1.0"?>
                <wfs:GetFeature service="WFS" version="2.0.0" count="1" xmlns:wfs="http://www.opengis.net/wfs/2.0">
                  <wfs:Query typeNames="communes"/>
                </wfs:GetFeature>
                """;
            using var posted = await client.PostAsync("/wfs", new StringContent(post, Encoding.UTF8, "text/xml"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);

            // Not feature responses: served.
            using var collection = await client.GetAsync("/collections/communes");
            Assert.Equal(HttpStatusCode.OK, collection.StatusCode);
            using var capabilities = await client.GetAsync("/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
            Assert.Equal(HttpStatusCode.OK, capabilities.StatusCode);
        }

        using var again = await client.GetAsync("/collections/communes/items?limit=1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, Gate.InFlight);
    }

    [Fact]
    public async Task A_client_past_its_share_gets_429_while_others_are_served()
    {
        using var keyed = _app!.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", _key);
        using var anonymous = _app.CreateClient();

        using (await OccupyAsync(Gate, "key:sync"))
        {
            using var refused = await keyed.GetAsync("/collections/communes/items?limit=1");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("7", refused.Headers.GetValues("Retry-After").Single());

            using var other = await anonymous.GetAsync("/collections/communes/items?limit=1");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var served = await keyed.GetAsync("/collections/communes/items?limit=1");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_queued_request_waits_at_most_the_queue_timeout()
    {
        using var gate = new ExportGate(new ExportProtectionOptions { MaxConcurrent = 1, MaxQueued = 1, QueueTimeoutSeconds = 0.1, MaxPerClient = 0 });
        using (await OccupyAsync(gate, "a"))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var queued = await gate.EnterAsync("b", default);
            Assert.Equal(ExportAdmissionResult.Busy, queued.Result);
            Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(90), "refused after " + waited.Elapsed);
        }

        var admitted = await gate.EnterAsync("b", default);
        Assert.Equal(ExportAdmissionResult.Admitted, admitted.Result);
        admitted.Lease!.Dispose();
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task A_queued_request_gets_the_slot_freed_before_its_timeout()
    {
        using var gate = new ExportGate(new ExportProtectionOptions { MaxConcurrent = 1, MaxQueued = 1, QueueTimeoutSeconds = 30, MaxPerClient = 0 });
        var first = await OccupyAsync(gate, "a");
        var queued = gate.EnterAsync("b", default);
        Assert.False(queued.IsCompleted);
        // The queue holds one: a third is refused at once.
        Assert.Equal(ExportAdmissionResult.Busy, (await gate.EnterAsync("c", default)).Result);

        first.Dispose();
        var admission = await queued;
        Assert.Equal(ExportAdmissionResult.Admitted, admission.Result);
        admission.Lease!.Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
