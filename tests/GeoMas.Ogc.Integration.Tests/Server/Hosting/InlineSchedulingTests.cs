using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Server.Http.IoThread;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GeoMas.Ogc.Integration.Tests.Server.Hosting;

/// <summary>
/// <c>server.inlineScheduling</c>: a connection's socket completions run on the socket event thread, and Kestrel runs
/// request code where they ran. That must not let anything but the cached-tile fast path run there: every other
/// request is handed to the thread pool, and resumes there after waiting on its connection, so a render that holds
/// its thread never holds up other connections.
/// </summary>
public sealed class InlineSchedulingTests
{
    private const string CachedTile = "/tiles/communes/10/529/368.png";
    // A WMS map: drawn by the IMapRenderer this test wraps (the tile service has its own renderer).
    private const string Map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=935000,6380000,955000,6400000&WIDTH=256&HEIGHT=256&FORMAT=image/png";

    [Theory]
    [InlineData(new string[0], true, false)]
    [InlineData(new[] { "--server:inlineScheduling=false" }, false, false)]
    [InlineData(new[] { "--server:waitForDataBeforeAllocatingBuffer=true" }, true, true)]
    public async Task The_options_reach_kestrels_socket_transport(string[] args, bool inline, bool waitForData)
    {
        var created = await TestApp.CreateAsync(args);
        Assert.NotNull(created.App);
        await using var app = created.App;

        var sockets = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.Equal(inline, sockets.UnsafePreferInlineScheduling);
        Assert.Equal(waitForData, sockets.WaitForDataBeforeAllocatingBuffer);
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--server:inlineScheduling=false" }, false)]
    public async Task Accepted_connections_have_inline_completions_with_the_option(string[] args, bool inline)
    {
        Assert.True(SocketInlineCompletions.IsSupported, "this runtime has no per-socket inline completions");
        await using var app = await KestrelTestApp.StartAsync(ThreadProbe.Install, args);

        var probe = await ThreadProbe.PostAsync(app, "0123456789", pauseAfter: 10);

        Assert.Equal(inline, probe.SocketInline);
    }

    [Fact]
    public async Task A_request_the_fast_path_declines_runs_on_the_pool_and_resumes_there_after_waiting_for_its_body()
    {
        await using var app = await KestrelTestApp.StartAsync(ThreadProbe.Install);

        // Half the body, a pause, the rest: the second read completes when the rest arrives, on the socket event thread.
        var probe = await ThreadProbe.PostAsync(app, "0123456789", pauseAfter: 5);

        Assert.True(probe.SocketInline);
        Assert.Equal("pool", probe.Start);
        Assert.True(probe.Reads.Length >= 2, "the body was meant to arrive in two parts: " + string.Join(", ", probe.Reads));
        Assert.All(probe.Reads, read => Assert.Equal("pool", read));
    }

    [Fact]
    public async Task A_response_that_waits_for_a_slow_client_resumes_on_the_pool()
    {
        await using var app = await KestrelTestApp.StartAsync(ThreadProbe.Install);

        // 16 MB to a client that reads nothing for a while: some flushes wait for it, and complete when it reads.
        var flushes = await ThreadProbe.SlowReadAsync(app, megabytes: 16);

        Assert.Contains(flushes, flush => flush.Waited);
        Assert.All(flushes, flush => Assert.Equal("pool", flush.Thread));
    }

    [Fact]
    public async Task A_render_holding_its_thread_does_not_hold_up_a_cached_tile_on_another_connection()
    {
        using var gate = new RenderGate();
        await using var app = await KestrelTestApp.StartAsync(builder => gate.Install(builder.Services), "--cache:store=none");
        using (var warm = app.CreateClient())
        using (var first = await warm.GetAsync(CachedTile))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        gate.Close();
        using var mapClient = app.CreateClient();
        var map = mapClient.GetAsync(Map);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        using var otherConnection = app.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var cached = await otherConnection.GetAsync(CachedTile, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.False(map.IsCompleted, "the render was meant to be still held");
        gate.Open();
        using var rendered = await map;
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
    }

    /// <summary>Wraps the server's renderer: while closed, a render blocks its thread (as a long CPU-bound render does).</summary>
    private sealed class RenderGate : IDisposable
    {
        private readonly ManualResetEventSlim _open = new(initialState: true);

        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a render has reached the closed gate.</summary>
        public Task Entered => _entered.Task;

        public void Close() => _open.Reset();

        public void Open() => _open.Set();

        public void Install(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IMapRenderer));
            services.Remove(registered);
            services.AddSingleton<IMapRenderer>(sp => new Gated((IMapRenderer)registered.ImplementationFactory!(sp), this));
        }

        public void Dispose()
        {
            _open.Set();
            _open.Dispose();
        }

        private sealed class Gated(IMapRenderer inner, RenderGate gate) : IMapRenderer
        {
            public Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken)
            {
                if (!gate._open.IsSet)
                {
                    gate._entered.TrySetResult();
                    gate._open.Wait(TimeSpan.FromSeconds(60));
                }
                return inner.RenderAsync(request, output, cancellationToken);
            }

            public Task<PlacedLabels?> PlaceLabelsAsync(MapRequest request, CancellationToken cancellationToken) =>
                inner.PlaceLabelsAsync(request, cancellationToken);

            public void RenderMessage(int width, int height, ImageFormat format, bool transparent, RgbaColor background, string? message, Stream output) =>
                inner.RenderMessage(width, height, format, transparent, background, message, output);
        }
    }

    /// <summary>
    /// A test endpoint after the whole pipeline (for paths no endpoint takes): where its code runs, at the start, after
    /// each body read and after each flush, and whether its connection's socket has inline completions. Its awaits use
    /// ConfigureAwait(false), as library code does: staying on the pool must not depend on a context.
    /// </summary>
    private static class ThreadProbe
    {
        private const string ReadPath = "/test/thread-probe/reads";
        private const string FlushPath = "/test/thread-probe/flushes";

        public static void Install(WebApplicationBuilder builder) => builder.Services.AddTransient<IStartupFilter, Filter>();

        // Set by the probe when it has read (or flushed) for the first time. Tests of one class run one at a time, so
        // one signal serves them all; waiting on it instead of a fixed pause keeps the two-part timing true on a
        // loaded machine, where a request can take longer than any pause to reach the probe.
        private static TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private static Task ProbeStarted() => _started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        private static void ResetProbeStarted() => _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Posts <paramref name="body"/> in two parts: the rest once the probe has read the first part, and a pause.</summary>
        public static async Task<(string Start, string[] Reads, bool SocketInline)> PostAsync(KestrelTestApp app, string body, int pauseAfter)
        {
            ResetProbeStarted();
            var uri = new Uri(app.BaseUrl);
            using var client = new TcpClient();
            await client.ConnectAsync(uri.Host, uri.Port);
            var stream = client.GetStream();
            var head = $"POST {ReadPath} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + body[..pauseAfter]));
            await ProbeStarted();
            // The pause lets the probe ask for more, so that the rest completes a pending read.
            await Task.Delay(100);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(body[pauseAfter..]));
            var parts = (await ReadToEndAsync(stream)).Split('|');
            return (parts[0], parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries), bool.Parse(parts[2]));
        }

        /// <summary>
        /// Asks for <paramref name="megabytes"/> MB, reads nothing from a small receive buffer until 300 ms after the
        /// probe started writing, then reads it all. The probe writes it in 256 KB flushes and answers, for each, where
        /// it resumed and whether it waited.
        /// </summary>
        public static async Task<(string Thread, bool Waited)[]> SlowReadAsync(KestrelTestApp app, int megabytes)
        {
            ResetProbeStarted();
            var uri = new Uri(app.BaseUrl);
            using var client = new TcpClient { ReceiveBufferSize = 4096 };
            await client.ConnectAsync(uri.Host, uri.Port);
            var stream = client.GetStream();
            // HTTP/1.0: the response is not chunked, and ends when the server closes the connection.
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {FlushPath}?mb={megabytes} HTTP/1.0\r\nHost: {uri.Authority}\r\n\r\n"));
            await ProbeStarted();
            await Task.Delay(300);
            var body = await ReadToEndAsync(stream);
            return body[(body.LastIndexOf('|') + 1)..].Split(',')
                .Select(flush => flush.Split(':'))
                .Select(parts => (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture) >= 50))
                .ToArray();
        }

        private static async Task<string> ReadToEndAsync(NetworkStream stream)
        {
            using var received = new MemoryStream();
            await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(60));
            var response = Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length);
            Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
            return response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        }

        private static string Where() => Thread.CurrentThread.IsThreadPoolThread ? "pool" : Thread.CurrentThread.Name ?? "thread";

        private static async Task ReadAsync(HttpContext context)
        {
            var start = Where();
            var reads = new List<string>();
            var buffer = new byte[64];
            while (await context.Request.Body.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
                reads.Add(Where());
                _started.TrySetResult();
            }
            var inline = context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket && SocketInlineCompletions.IsEnabled(socket);
            var answer = Encoding.ASCII.GetBytes($"{start}|{string.Join(',', reads)}|{inline}");
            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer).ConfigureAwait(false);
        }

        private static async Task FlushAsync(HttpContext context, int megabytes)
        {
            var chunk = new byte[256 * 1024];
            Array.Fill(chunk, (byte)'x');
            var flushes = new List<string>();
            for (var i = 0; i < megabytes * 4; i++)
            {
                _started.TrySetResult();
                var started = Environment.TickCount64;
                await context.Response.Body.WriteAsync(chunk).ConfigureAwait(false);
                await context.Response.Body.FlushAsync().ConfigureAwait(false);
                flushes.Add($"{Where()}:{Environment.TickCount64 - started}");
            }
            await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("|" + string.Join(',', flushes))).ConfigureAwait(false);
        }

        private sealed class Filter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Run(context => context.Request.Path.Value switch
                {
                    ReadPath => ReadAsync(context),
                    FlushPath => FlushAsync(context, int.Parse(context.Request.Query["mb"]!, CultureInfo.InvariantCulture)),
                    _ => Task.FromResult(context.Response.StatusCode = StatusCodes.Status404NotFound),
                });
            };
        }
    }
}
