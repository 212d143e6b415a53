using GeoMas.Ogc.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Integration.Tests.Server.Hosting;

/// <summary>
/// The hosting layer's per-request Activity and log scope are skipped only when nothing would write or print them:
/// the category is then off in the server's own logger factory, and on as soon as it is configured at Information or
/// scopes are printed.
/// </summary>
public sealed class RequestDiagnosticsTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information" }, true)]
    [InlineData(new[] { "--Logging:LogLevel:Microsoft.AspNetCore=Debug" }, true)]
    [InlineData(new[] { "--Logging:Console:FormatterOptions:IncludeScopes=true" }, true)]
    public async Task The_hosting_category_is_off_unless_it_logs_requests_or_scopes_are_printed(string[] args, bool expectedOn)
    {
        await using var app = await TestApp.StartAsync(args);

        var logger = app.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestDiagnostics.Category);

        // Critical is what the hosting layer asks before starting an Activity and a scope for a request.
        Assert.Equal(expectedOn, logger.IsEnabled(LogLevel.Critical));
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health/live");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Errors_of_other_categories_are_still_logged()
    {
        await using var app = await TestApp.StartAsync();

        var factory = app.App.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Error));
        Assert.True(factory.CreateLogger("Microsoft.Extensions.Hosting.Internal.Host").IsEnabled(LogLevel.Critical));
    }
}
