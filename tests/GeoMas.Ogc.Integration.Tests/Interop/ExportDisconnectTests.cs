using System.Net.Sockets;
using System.Text;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// Issue item 5: a client that goes away mid-export cancels the database query, through OGC API Features and WFS
/// (GeoJSON and GML) alike. A raw socket with a tiny receive buffer reads the start of an export of every parcel and closes; the
/// PostGIS statement of that request (recognised by its unusual column list) must be cancelled.
/// The server runs on real Kestrel with a page maximum raised to 100 000 so that one request exports every parcel.
/// </summary>
public sealed class ExportDisconnectTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        // Small socket buffers on both of the server's sides, so that neither the kernel nor the driver can take the
        // whole export while the client does not read: the 24,555 parcels are 8.4 MB of GeoJSON and 3.4 MB from
        // PostgreSQL, and Linux grows loopback buffers to several megabytes (the statement then ends before the client
        // goes away, and there is nothing left to cancel). Accepted connections inherit the listening socket's size.
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(
            ["--config", RepositoryPaths.Config("geomas.postgis.json"), "--urls", "http://127.0.0.1:0",
             "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis + ";Socket Receive Buffer Size=16384",
             "--Limits:MaxFeaturesPerPage=100000"]),
            builder => builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = endpoint =>
            {
                var listener = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                listener.SendBufferSize = 16384;
                return listener;
            }));
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

    // The three columns asked for, as each protocol lists them in its statement (OGC API in the order asked, WFS in
    // the table's): no other statement of the test database selects them so. Both exports carry the geometries:
    // without them the rows (about 1 MB) fit in the socket buffers, and the statement ends before the client leaves.
    private const string OgcApiExport = "/collections/parcelles/items?limit=100000&properties=updated_at,contenance,section";
    private const string OgcApiMarker = "\"updated_at\", \"contenance\", \"section\"";
    private const string WfsExport = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=parcelles&COUNT=100000&PROPERTYNAME=updated_at,contenance,section,geom&OUTPUTFORMAT=application/geo%2Bjson";
    private const string WfsMarker = "\"section\", \"contenance\", \"updated_at\"";
    // GML, with no COUNT: the whole table in one response, its count running beside it.
    private const string WfsGmlExport = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=parcelles&PROPERTYNAME=updated_at,contenance,section,geom";

    [Theory]
    [InlineData(OgcApiExport, OgcApiMarker)]
    [InlineData(WfsExport, WfsMarker)]
    [InlineData(WfsGmlExport, WfsMarker)]
    public async Task A_client_that_disconnects_mid_export_cancels_the_query(string export, string marker)
    {
        var uri = new Uri(_baseUrl);
        var rollbacksBefore = await RollbacksAsync();
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 })
        {
            await socket.ConnectAsync(uri.Host, uri.Port);
            var request = $"GET {export} HTTP/1.1\r\nHost: {uri.Authority}\r\nAccept: application/geo+json\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None);
            var buffer = new byte[1024];
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None);
            Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(buffer, 0, received), StringComparison.Ordinal);

            Assert.True(await ActiveQueriesAsync(marker) > 0, "the export query should still be running while the client reads slowly");
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ActiveQueriesAsync(marker) > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(0, await ActiveQueriesAsync(marker));

        // Cancelled, not read to its end: a statement that ends in an error rolls its transaction back, and skipping
        // the remaining rows (what closing the reader alone does) would have committed it. The statistics reach
        // pg_stat_database within a second or so of the backend going idle.
        var counted = DateTime.UtcNow.AddSeconds(30);
        while (await RollbacksAsync() == rollbacksBefore && DateTime.UtcNow < counted)
            await Task.Delay(100);
        Assert.True(await RollbacksAsync() > rollbacksBefore, "the export statement should have been cancelled, not read to its end");
    }

    private static async Task<long> RollbacksAsync()
    {
        await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> ActiveQueriesAsync(string marker)
    {
        await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND position(@marker in query) > 0", connection);
        command.Parameters.AddWithValue("marker", marker);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
