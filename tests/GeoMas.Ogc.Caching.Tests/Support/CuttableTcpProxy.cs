using System.Net;
using System.Net.Sockets;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>
/// A loopback TCP forwarder to a local port that a test can cut (its connections closed, new ones refused) and
/// restore on the same port: one client's way to a server goes down while the server and its other clients stay up.
/// </summary>
internal sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    public CuttableTcpProxy(int target)
    {
        _target = target;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        Restore();
    }

    public int Port { get; }

    /// <summary>Listens again on <see cref="Port"/> and forwards what it accepts.</summary>
    public void Restore()
    {
        _accepting = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    /// <summary>Closes every forwarded connection and stops listening: connecting is refused until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _accepting.Cancel();
        _listener?.Stop();
        lock (_gate)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient downstream;
            try
            {
                downstream = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, _target, cancellationToken);
            lock (_gate)
            {
                _open.Add(downstream);
                _open.Add(upstream);
            }
            _ = PumpAsync(downstream, upstream);
            _ = PumpAsync(upstream, downstream);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _accepting.Dispose();
        return ValueTask.CompletedTask;
    }
}
