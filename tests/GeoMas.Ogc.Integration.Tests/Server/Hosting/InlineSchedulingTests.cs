using System.Net;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GeoMas.Ogc.Integration.Tests.Server.Hosting;

/// <summary>
/// <c>server.inlineScheduling</c>: Kestrel runs request code on the thread that received it. That must not let a
/// render that holds its thread hold up other connections: socket completions stay on the thread pool.
/// </summary>
public sealed class InlineSchedulingTests
{
    private const string CachedTile = "/tiles/communes/10/529/368.png";
    // A WMS map: drawn by the IMapRenderer this test wraps (the tile service has its own renderer).
    private const string Map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=935000,6380000,955000,6400000&WIDTH=256&HEIGHT=256&FORMAT=image/png";

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--server:inlineScheduling=false" }, false)]
    public async Task The_option_reaches_kestrels_socket_transport(string[] args, bool inline)
    {
        var created = await TestApp.CreateAsync(args);
        Assert.NotNull(created.App);
        await using var app = created.App;

        Assert.Equal(inline, app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
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
        Assert.True(gate.Entered.Wait(TimeSpan.FromSeconds(30)), "the map never reached the renderer");

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

        public ManualResetEventSlim Entered { get; } = new();

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
            Entered.Dispose();
        }

        private sealed class Gated(IMapRenderer inner, RenderGate gate) : IMapRenderer
        {
            public Task RenderAsync(MapRequest request, Stream output, CancellationToken cancellationToken)
            {
                if (!gate._open.IsSet)
                {
                    gate.Entered.Set();
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
}
