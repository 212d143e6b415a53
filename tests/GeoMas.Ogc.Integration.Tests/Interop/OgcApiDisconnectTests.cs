using System.Net.Sockets;
using System.Text;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// Issue item 5: a client that goes away mid-export cancels the database query. A raw socket with a tiny receive
/// buffer reads the start of an export of every parcel (12 MB, more than the kernel buffers hold) and closes; the
/// PostGIS statement of that request (recognised by its unusual column list) must stop being active.
/// The server runs on real Kestrel with a page maximum raised to 100 000 so that one request exports every parcel.
/// </summary>
public sealed class OgcApiDisconnectTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(
            ["--config", RepositoryPaths.Config("geomas.postgis.json"), "--urls", "http://127.0.0.1:0",
             "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis, "--Limits:MaxFeaturesPerPage=100000"]));
        Assert.True(created.App is not null, "the server refused to start:\n" + string.Join("\n", created.Errors));
        _app = created.App;
        await _app.StartAsync();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private const string Marker = "\"updated_at\", \"contenance\", \"section\"";

    [Fact]
    public async Task A_client_that_disconnects_mid_export_cancels_the_query()
    {
        var uri = new Uri(_baseUrl);
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 })
        {
            await socket.ConnectAsync(uri.Host, uri.Port);
            var request = $"GET /collections/parcelles/items?limit=100000&properties=updated_at,contenance,section HTTP/1.1\r\nHost: {uri.Authority}\r\nAccept: application/geo+json\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None);
            var buffer = new byte[1024];
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None);
            Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(buffer, 0, received), StringComparison.Ordinal);

            Assert.True(await ActiveQueriesAsync() > 0, "the export query should still be running while the client reads slowly");
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await ActiveQueriesAsync() > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(0, await ActiveQueriesAsync());
    }

    private static async Task<long> ActiveQueriesAsync()
    {
        await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND position(@marker in query) > 0", connection);
        command.Parameters.AddWithValue("marker", Marker);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
