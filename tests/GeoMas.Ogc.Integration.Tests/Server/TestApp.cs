using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary>The real server composition (GeoMasApp, as Program runs it) on an in-memory TestServer.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app) => App = app;

    public WebApplication App { get; }

    public HttpClient CreateClient() => App.GetTestClient();

    /// <summary>Starts the server, or fails the test with every catalog error.</summary>
    public static async Task<TestApp> StartAsync(params string[] args)
    {
        var created = await CreateAsync(args);
        Assert.True(created.App is not null, "the server refused to start:\n" + string.Join("\n", created.Errors));
        await created.App.StartAsync();
        return new TestApp(created.App);
    }

    /// <remarks>
    /// The start-up warm-up is off unless a test turns it on (<c>--server:warmUp=true</c>): its renders take render
    /// slots while a test may be counting renders or holding the only slot.
    /// </remarks>
    public static Task<GeoMasAppResult> CreateAsync(params string[] args) =>
        GeoMasApp.CreateAsync(CommandLine.Parse(["--server:warmUp=false", .. args]), builder => builder.WebHost.UseTestServer());

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
