using System.Net.Sockets;
using System.Text;
using GeoMas.Ogc.Integration.Tests.Interop;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.Wfs;

/// <summary>
/// A WFS client that goes away mid-export cancels the database query: a raw socket with a tiny receive buffer reads the
/// start of a GML GetFeature of every parcel (no COUNT: the whole table in one response) and closes; the PostGIS
/// statement of that request (recognised by its column list, in schema order) must stop being active.
/// </summary>
public sealed class WfsClientDisconnectTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Marker = "\"section\", \"contenance\", \"updated_at\"";

    [Fact]
    public async Task A_client_that_disconnects_mid_export_cancels_the_query()
    {
        var uri = new Uri(server.BaseUrl);
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 })
        {
            await socket.ConnectAsync(uri.Host, uri.Port);
            var request = "GET /wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=parcelles&PROPERTYNAME=updated_at,contenance,section,geom HTTP/1.1\r\n"
                + $"Host: {uri.Authority}\r\n\r\n";
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
