using GeoMas.Ogc.Integration.Tests.Server;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>
/// Shutdown as SIGTERM does it (IHostApplicationLifetime.StopApplication): a big WFS export already streaming is
/// finished whole, while new connections are refused at once. Real Kestrel on the embedded GeoPackage.
/// </summary>
public class GracefulShutdownTests
{
    private const string WholeParcelTable = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=parcelles&COUNT=1000000";

    [Fact]
    public async Task An_export_in_flight_finishes_completely_while_new_connections_are_refused()
    {
        await using var app = await KestrelTestApp.StartAsync("--server:shutdownTimeoutSeconds=60");
        using var client = app.CreateClient();
        using var response = await client.GetAsync(WholeParcelTable, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, "status " + response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();

        // Read the start only: the server is now blocked writing the rest to us.
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (received.Length < 256 * 1024)
        {
            var n = await body.ReadAsync(buffer);
            Assert.True(n > 0, "the export ended before the test could stop the server mid-way");
            received.Write(buffer, 0, n);
        }

        var lifetime = app.App.Services.GetRequiredService<IHostApplicationLifetime>();
        var shutdown = app.App.WaitForShutdownAsync();
        lifetime.StopApplication();
        await app.MarkStoppedAsync(shutdown, waitForIt: false);

        // New connections are refused while the export is still being sent.
        await WaitUntilRefusedAsync(app.BaseUrl);
        Assert.False(shutdown.IsCompleted, "the server stopped before the export was read");

        await body.CopyToAsync(received);
        await shutdown;

        var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        var document = XDocument.Parse(text); // the whole document arrived: it parses
        var returned = int.Parse(document.Root!.Attribute("numberReturned")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(returned, document.Root.Elements(XName.Get("member", "http://www.opengis.net/wfs/2.0")).Count());
        Assert.True(returned >= 10_000, returned + " parcels returned"); // a page of the WFS maximum: several megabytes
    }

    private static async Task WaitUntilRefusedAsync(string baseUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            // A fresh handler each time: a new connection, not one kept alive from before.
            using var fresh = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var answer = await fresh.GetAsync("/health/live");
            }
            // Refused, or reset by a listener being closed (a connect that raced the close): either way not served.
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset })
            {
                return;
            }
            // No answer in time (a loaded machine, or a connection accepted just before the close): ask again.
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("new connections were still accepted during shutdown");
    }
}
