using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using static GeoMas.Ogc.Integration.Tests.Security.SecurityProbe;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>Rules files are hot-reloaded; a broken edit keeps the last good rules; a broken start refuses to serve.</summary>
public sealed class SecurityReloadTests : IAsyncLifetime
{
    private readonly SecuredServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Editing_the_rules_file_applies_without_restart_and_a_broken_edit_keeps_the_last_good_rules()
    {
        using var anonymous = _server.Client(Principal.Anonymous);
        var store = _server.App.App.Services.GetRequiredService<SecurityStore>();
        Assert.Contains("sentiers", await WmsLayerNamesAsync(anonymous));

        await ReloadedAfterAsync(store, () => File.WriteAllText(_server.SecurityFile,
            _server.SecurityJson("""{ "name": "no trails for the public", "layers": ["sentiers"], "principals": ["anonymous"], "effect": "deny" }""")));
        Assert.DoesNotContain("sentiers", await WmsLayerNamesAsync(anonymous));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/collections/sentiers")).StatusCode);

        var before = store.Current;
        await File.WriteAllTextAsync(_server.SecurityFile, _server.SecurityJson("""{ "layers": ["nope"], "principals": ["*"] }"""));
        var errors = await store.ReloadAsync(CancellationToken.None);
        Assert.Contains(errors, e => e.Contains("unknown layer 'nope'", StringComparison.Ordinal));
        Assert.Same(before, store.Current);
        Assert.DoesNotContain("sentiers", await WmsLayerNamesAsync(anonymous));
    }

    [Theory]
    [InlineData("--security:rules:0:layers:0=nope", "--security:rules:0:principals:0=*", "unknown layer 'nope'")]
    [InlineData("--security:rules:0:layers:0=parcelles", "--security:rules:0:effect=maybe", "effect must be 'allow' or 'deny'")]
    [InlineData("--security:rules:0:layers:0=parcelles", "--security:rules:0:territory:wkt=POLYGON((0 0,1 0,1 1,0 0))", "names no principal")]
    [InlineData("--security:apiKeys:0:id=k", "--security:apiKeys:0:hash=plain-text-key", "hash must be 'sha256:'")]
    [InlineData("--security:rules:0:layers:0=parcelles", "--security:rules:0:partners:0=a", "--security:rules:0:territory:layer=communes", "--security:rules:0:territory:property=insee", "--security:rules:0:territory:values:0=99999", "no feature of 'communes'")]
    public async Task A_broken_security_section_stops_the_server_with_the_reason(params string[] argsAndMessage)
    {
        var created = await TestApp.CreateAsync(argsAndMessage[..^1]);

        Assert.Null(created.App);
        Assert.Contains(created.Errors, e => e.Contains(argsAndMessage[^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secured_sample_configuration_starts()
    {
        await using var app = await TestApp.StartAsync("--config", RepositoryPaths.Config("geomas.secured.sample.json"));
        using var client = app.CreateClient();

        var layers = await WmsLayerNamesAsync(client);

        Assert.DoesNotContain("parcelles", layers);
        Assert.Contains("communes", layers);
    }

    private static async Task ReloadedAfterAsync(SecurityStore store, Action change)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += _ => reloaded.TrySetResult();
        change();
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
