using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>A throw-away redis-server on a free port, which tests stop and start again to play an outage.</summary>
internal sealed class RedisServerProcess : IDisposable
{
    private Process? _process;

    public RedisServerProcess() => Port = FreePort();

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on {Port}");
    }

    /// <summary>Stops the server the way an operator would (<c>redis-cli shutdown nosave</c>) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process is null)
            return;
        using (var cli = Process.Start(new ProcessStartInfo("redis-cli", ["-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "shutdown", "nosave"]) { RedirectStandardOutput = true, RedirectStandardError = true }))
            cli?.WaitForExit(5000);
        if (!_process.WaitForExit(5000))
            _process.Kill();
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
