using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GeoMas.Ogc.Integration.Tests.Export;

/// <summary>
/// The real server as a child process (the built <c>geomas.dll</c> next to the tests, run by <c>dotnet</c>), so its
/// memory can be measured from outside: <see cref="PeakResidentBytes"/> reads VmHWM from /proc, the kernel's own
/// high-water mark of the resident set since the process started.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(params string[] extraArguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "geomas.dll"));
        foreach (var argument in (string[])["--config", RepositoryPaths.Config("geomas.postgis.json"),
                     "--urls", "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
                     "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis, .. extraArguments])
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet geomas.dll did not start");
        var server = new ServerProcess(process, "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>VmHWM: peak resident set size of the server process, in bytes.</summary>
    public long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException("no VmHWM in /proc/" + Pid + "/status");
    }

    public string Output()
    {
        lock (_log)
            return string.Join("\n", _log.TakeLast(40));
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.Add(line);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("the server exited with " + _process.ExitCode + ":\n" + Output());
            try
            {
                using var response = await client.GetAsync(BaseUrl + "/conformance?f=json");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("the server did not answer within " + timeout + ":\n" + Output());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
