using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>How the proxy answers.</summary>
internal enum ProxyMode { Pass, Fail500, Reset, ExceptionXml, Slow }

/// <summary>
/// A loopback HTTP proxy in front of an upstream GeoMas, whose behaviour a test switches: pass through, answer 500,
/// reset the connection, answer a WMS/OWS exception document with status 200, or delay every answer. Upstream URLs in
/// XML answers (capabilities) are rewritten to the proxy's, so tile and GetMap requests come back through it.
/// </summary>
internal sealed class FaultyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new();
    private readonly string _upstream;
    private int _requests;

    private FaultyProxy(WebApplication app, string upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public string BaseUrl { get; private set; } = "";
    public ProxyMode Mode { get; set; } = ProxyMode.Pass;
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(10);
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Path and query of every request, in arrival order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    public static async Task<FaultyProxy> StartAsync(string upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultyProxy(app, upstream.TrimEnd('/'));
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Log.Enqueue(context.Request.Path + context.Request.QueryString);
        switch (Mode)
        {
            case ProxyMode.Fail500:
                context.Response.StatusCode = 500;
                return;
            case ProxyMode.Reset:
                context.Abort();
                return;
            case ProxyMode.ExceptionXml:
                context.Response.ContentType = "application/vnd.ogc.se_xml";
                await context.Response.WriteAsync(
                    "<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\"><ServiceException code=\"NoApplicableCode\">database is down</ServiceException></ServiceExceptionReport>");
                return;
            case ProxyMode.Slow:
                await Task.Delay(Delay, context.RequestAborted);
                break;
        }
        using var upstream = await _client.GetAsync(_upstream + context.Request.Path + context.Request.QueryString, context.RequestAborted);
        context.Response.StatusCode = (int)upstream.StatusCode;
        var type = upstream.Content.Headers.ContentType?.ToString();
        if (type is not null)
            context.Response.ContentType = type;
        var body = await upstream.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (type is not null && type.Contains("xml", StringComparison.OrdinalIgnoreCase))
            body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(_upstream, BaseUrl, StringComparison.Ordinal));
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
