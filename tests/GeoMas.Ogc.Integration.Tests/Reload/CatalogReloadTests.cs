using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Server.Reload;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Reload;

/// <summary>
/// Configuration reload without restart on the real composition: POST /admin/reload and the folder watcher swap
/// catalog and styles in; a broken edit keeps the last good snapshot and says so in readiness.
/// </summary>
public sealed class CatalogReloadTests
{
    [Fact]
    public async Task A_style_edit_reloaded_by_the_admin_endpoint_changes_the_next_GetMap_and_the_updateSequence()
    {
        await using var config = new ReloadableConfigFixture();
        var app = await config.StartAsync();
        using var client = app.CreateClient();
        var before = await GetMapAsync(client, app);
        var sequence = await UpdateSequenceAsync(client);

        config.EditStyle("communes.sld", "<CssParameter name=\"stroke\">#7A6A8A</CssParameter>", "<CssParameter name=\"stroke\">#FF0000</CssParameter>");
        config.EditStyle("communes.sld", "<CssParameter name=\"stroke-width\">0.6</CssParameter>", "<CssParameter name=\"stroke-width\">6</CssParameter>");
        using var reload = await client.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        var status = await reload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(status.GetProperty("succeeded").GetBoolean());
        var after = await GetMapAsync(client, app);
        Assert.NotEqual(before, after);
        var newSequence = await UpdateSequenceAsync(client);
        Assert.NotEqual(sequence, newSequence);
        Assert.Equal(newSequence, status.GetProperty("updateSequence").GetString());
    }

    [Fact]
    public async Task A_broken_style_keeps_the_last_good_snapshot_and_readiness_reports_it_until_fixed()
    {
        await using var config = new ReloadableConfigFixture();
        var app = await config.StartAsync();
        using var client = app.CreateClient();
        var store = app.App.Services.GetRequiredService<CatalogSnapshotStore>();
        var snapshot = store.Current;
        var before = await GetMapAsync(client, app);

        config.EditStyle("communes.sld", "</StyledLayerDescriptor>", "");
        using var reload = await client.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        var status = await reload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(status.GetProperty("succeeded").GetBoolean());
        Assert.Contains(status.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("communes.sld", StringComparison.Ordinal));
        Assert.Same(snapshot, store.Current);
        Assert.Equal(before, await GetMapAsync(client, app));
        var ready = await ReadinessAsync(client);
        Assert.Equal("Degraded", ready.Status);
        Assert.Contains("communes.sld", ready.Configuration, StringComparison.Ordinal);

        config.EditStyle("communes.sld", "</NamedLayer>", "</NamedLayer></StyledLayerDescriptor>");
        using var fixedReload = await client.PostAsync("/admin/reload", null);
        Assert.Equal(HttpStatusCode.OK, fixedReload.StatusCode);
        Assert.Equal("Healthy", (await ReadinessAsync(client)).Status);
    }

    [Theory]
    [InlineData(",\n  \"layers\": [{ \"id\": \"x\", \"title\": \"X\", \"source\": \"nowhere\", \"table\": \"t\" }]", "nowhere")]
    [InlineData(",\n  \"limits\": { \"maxWidth\": \"wide\" }", "maxWidth")]
    [InlineData(",\n  \"security\": { \"rules\": [{ \"layers\": [\"nope\"], \"principals\": [\"*\"] }] }", "unknown layer 'nope'")]
    [InlineData(", \"broken\": ", "geomas.json")]
    public async Task A_broken_configuration_is_rejected_with_the_reason_and_the_old_catalog_keeps_serving(string extra, string reason)
    {
        await using var config = new ReloadableConfigFixture();
        var app = await config.StartAsync();
        using var client = app.CreateClient();
        var store = app.App.Services.GetRequiredService<CatalogSnapshotStore>();
        var generation = store.Generation;

        config.WriteConfig(extra);
        var status = await app.App.Services.GetRequiredService<CatalogReloader>().ReloadAsync(CancellationToken.None);

        Assert.False(status.Succeeded);
        Assert.Contains(status.Errors, e => e.Contains(reason, StringComparison.OrdinalIgnoreCase));
        Assert.Same(generation, store.Generation);
        using var capabilities = await client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.OK, capabilities.StatusCode);
    }

    [Fact]
    public async Task The_folder_watcher_applies_a_layer_title_edit_and_unchanged_sources_are_reused()
    {
        await using var config = new ReloadableConfigFixture(watch: true);
        var app = await config.StartAsync();
        using var client = app.CreateClient();
        var store = app.App.Services.GetRequiredService<CatalogSnapshotStore>();
        var first = store.Generation;
        var swapped = new TaskCompletionSource<CatalogGeneration>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Swapped += (_, next) => swapped.TrySetResult(next);

        config.WriteConfig(",\n  \"service\": { \"title\": \"Reloaded title\" }");
        var next = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("Reloaded title", next.Snapshot.Service.Title);
        Assert.Contains("main", next.Sources.SharedWith(first.Sources));
        var capabilities = XDocument.Parse(await client.GetStringAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities"));
        XNamespace wms = "http://www.opengis.net/wms";
        Assert.Equal("Reloaded title", capabilities.Root!.Element(wms + "Service")!.Element(wms + "Title")!.Value);
    }

    [Fact]
    public async Task On_PostGIS_an_unchanged_source_keeps_its_pool_and_a_changed_one_is_replaced()
    {
        await using var config = new ReloadableConfigFixture(RepositoryPaths.Config("geomas.postgis.json"));
        var app = await config.StartAsync();
        using var client = app.CreateClient();
        var store = app.App.Services.GetRequiredService<CatalogSnapshotStore>();
        var reloader = app.App.Services.GetRequiredService<CatalogReloader>();
        var first = store.Generation;
        var source = first.Sources.Get("main");

        Assert.True((await reloader.ReloadAsync(CancellationToken.None)).Succeeded);
        Assert.Same(source, store.Generation.Sources.Get("main"));

        config.WriteConfig("", mainSource: "\"maxPoolSize\": 7");
        Assert.True((await reloader.ReloadAsync(CancellationToken.None)).Succeeded);
        Assert.NotSame(source, store.Generation.Sources.Get("main"));
        Assert.Equal(7, store.Current.Sources["main"].MaxPoolSize);
        using var items = await client.GetAsync("/collections/communes/items?limit=1");
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_rejected_reload_is_counted_on_metrics()
    {
        await using var config = new ReloadableConfigFixture();
        config.WriteConfig(",\n  \"metrics\": { \"enabled\": true }");
        var app = await config.StartAsync();
        using var client = app.CreateClient();

        config.EditStyle("communes.sld", "</StyledLayerDescriptor>", "");
        using var reload = await client.PostAsync("/admin/reload", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        var scrape = await client.GetStringAsync("/metrics");

        // At least one: the OpenTelemetry listener also sees the reload meters of servers other tests run in this
        // process at the same time, so exact values (and the gauge's) depend on them; the series must be there.
        Assert.Matches(new System.Text.RegularExpressions.Regex("^geomas_config_reloads_total\\{[^}]*result=\"failure\"[^}]*\\} [1-9]", System.Text.RegularExpressions.RegexOptions.Multiline), scrape);
        Assert.Matches(new System.Text.RegularExpressions.Regex("^geomas_config_current(\\{[^}]*\\})? [01](\\s|$)", System.Text.RegularExpressions.RegexOptions.Multiline), scrape);
    }

    private static async Task<byte[]> GetMapAsync(HttpClient client, Server.TestApp app)
    {
        var extent = app.App.Services.GetRequiredService<CatalogSnapshotStore>().Current.FindLayer("communes")!.Extent;
        var bbox = string.Join(',', new[] { extent.MinX, extent.MinY, extent.MaxX, extent.MaxY }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        using var response = await client.GetAsync(
            $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX={bbox}&WIDTH=256&HEIGHT=256&FORMAT=image/png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> UpdateSequenceAsync(HttpClient client)
    {
        var capabilities = XDocument.Parse(await client.GetStringAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities"));
        return capabilities.Root!.Attribute("updateSequence")!.Value;
    }

    private static async Task<(string Status, string Configuration)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var configuration = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "configuration");
        return (configuration.GetProperty("status").GetString()!,
            configuration.TryGetProperty("description", out var d) ? d.GetString()! : "");
    }
}
