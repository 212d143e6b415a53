using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Server.Hosting;

/// <summary>The start-up warm-up renders through the tile miss path on the demo data and leaves no trace in the cache.</summary>
public sealed class RenderWarmUpTests : IDisposable
{
    private readonly string _disk = Path.Combine(Path.GetTempPath(), "geomas-warmup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_disk))
            Directory.Delete(_disk, recursive: true);
    }

    [Fact]
    public async Task The_warm_up_renders_tiles_of_the_first_layers_and_caches_nothing()
    {
        await using var app = await TestApp.StartAsync($"--cache:diskPath={_disk}", "--server:warmUp=true");
        var services = app.App.Services;

        var rendered = await services.GetRequiredService<RenderWarmUp>().Completion.WaitAsync(TimeSpan.FromSeconds(60));

        // Four layers (the groups first), each at zooms 12 to 18 around up to three places with data (at most 64
        // tiles); a tile outside the layer's limits is skipped, not rendered.
        Assert.InRange(rendered, 4 * 7, 64);
        Assert.Equal(0, services.GetRequiredService<TieredTileCache>().Memory.Count);
        Assert.Equal(0, services.GetRequiredService<TileService>().Labels.Count);
        Assert.False(Directory.Exists(_disk) && Directory.EnumerateFiles(_disk, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task The_warm_up_can_be_turned_off()
    {
        await using var app = await TestApp.StartAsync($"--cache:diskPath={_disk}", "--server:warmUp=false");

        Assert.Null(app.App.Services.GetService<RenderWarmUp>());
    }
}
