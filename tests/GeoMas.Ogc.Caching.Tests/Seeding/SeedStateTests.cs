using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Caching.Tests.Support;

namespace GeoMas.Ogc.Caching.Tests.Seeding;

public class SeedStateTests
{
    [Fact]
    public void Progress_survives_a_new_process_and_a_torn_file_starts_over()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, ".seed-x.json");
        var state = SeedState.Load(path);
        state.Set("plan|WebMercatorQuad|16", 42);
        state.Save();

        Assert.Equal(42, SeedState.Load(path).Done("plan|WebMercatorQuad|16"));
        Assert.Equal(0, SeedState.Load(path).Done("plan|WebMercatorQuad|17"));

        File.WriteAllText(path, "{\"plan|WebMer");
        Assert.Equal(0, SeedState.Load(path).Done("plan|WebMercatorQuad|16"));
    }

    [Fact]
    public void The_fingerprint_names_the_job()
    {
        var job = new SeedJob { Layers = ["plan"], MaxZoom = 16 };

        Assert.Equal(job.Fingerprint(), (job with { Concurrency = 7 }).Fingerprint());
        Assert.NotEqual(job.Fingerprint(), (job with { MaxZoom = 17 }).Fingerprint());
        Assert.NotEqual(job.Fingerprint(), (job with { Layers = ["parcelles"] }).Fingerprint());
    }
}
