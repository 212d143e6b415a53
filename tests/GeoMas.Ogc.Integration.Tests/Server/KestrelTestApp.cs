using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary>
/// The real composition on real Kestrel on a free loopback port (the embedded default unless the arguments name a
/// config): for what TestServer does not model — client addresses, connections, limits of the HTTP parser, shutdown.
/// </summary>
internal sealed class KestrelTestApp : IAsyncDisposable
{
    private Task? _stopping;

    private KestrelTestApp(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public static Task<KestrelTestApp> StartAsync(params string[] args) => StartAsync(configure: null, args);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="configure"/> run on the builder after the server's own services.</summary>
    public static async Task<KestrelTestApp> StartAsync(Action<WebApplicationBuilder>? configure, params string[] args)
    {
        // No start-up warm-up (see TestApp.CreateAsync) unless the test asks for it.
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(["--server:warmUp=false", .. args, "--urls", "http://127.0.0.1:0"]), configure);
        Assert.True(created.App is not null, "the server refused to start:\n" + string.Join("\n", created.Errors));
        await created.App.StartAsync();
        var addresses = created.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new KestrelTestApp(created.App, addresses.Addresses.Single().TrimEnd('/'));
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>The test stops the host its own way (<paramref name="stopping"/>); disposal then only waits for it.</summary>
    public async Task MarkStoppedAsync(Task stopping, bool waitForIt)
    {
        _stopping = stopping;
        if (waitForIt)
            await stopping;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping is null)
            await App.StopAsync();
        else
            await _stopping;
        await App.DisposeAsync();
    }
}
