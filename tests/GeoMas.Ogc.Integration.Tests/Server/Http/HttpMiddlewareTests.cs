using System.Net;
using GeoMas.Ogc.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace GeoMas.Ogc.Integration.Tests.Server.Http;

/// <summary>The HEAD and CORS middlewares in front of plain minimal-API endpoints, as future protocols will map them.</summary>
public class HttpMiddlewareTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.UseMiddleware<CorsMiddleware>("*");
        _app.UseMiddleware<HeadRequestMiddleware>();
        _app.UseRouting();
        _app.MapGet("/collections", () => Results.Text("{\"collections\":[]}", "application/json"));
        _app.MapGet("/streamed", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("part one, ");
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync("part two");
        });
        _app.MapGet("/fails", () => Results.Problem("boom", statusCode: 500));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/collections", "application/json", 18)]
    [InlineData("/streamed", "text/plain", 18)]
    public async Task Head_is_answered_where_only_get_is_mapped(string url, string mediaType, int length)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_keeps_the_status_of_get()
    {
        using var missing = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/nothing"));
        using var failing = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/fails"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal("*", failing.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Plain_options_lists_the_allowed_methods()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/collections"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var allow = response.Content.Headers.Allow;
        Assert.Equal(["GET", "HEAD", "OPTIONS"], allow.Order());
    }

    [Fact]
    public async Task Options_on_an_unknown_path_stays_not_found()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/nothing"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
