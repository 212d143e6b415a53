using GeoMas.Ogc.Caching.Seeding;

namespace GeoMas.Ogc.Caching.Tests.Seeding;

public class SeedProgressTests
{
    [Fact]
    public async Task A_terminal_gets_a_line_redrawn_in_place_with_done_total_rate_and_eta()
    {
        var output = new StringWriter();
        var progress = new SeedProgress(output, interactive: true, total: 1000);
        progress.Resumed(100);

        await Task.Delay(300);
        progress.Add(16);
        progress.Finish();

        var text = output.ToString();
        Assert.StartsWith("\r116/1000 tiles (11.6 %), ", text);
        Assert.Contains(" tiles/s, elapsed 00:00, ETA ", text);
        Assert.EndsWith("\n", text);
        Assert.Equal(2, text.Count(c => c == '\r'));
        // Resumed tiles are not part of this run's rate: 16 tiles in about 0.3 s, not 116.
        Assert.InRange(progress.Rate, 1, 80);
    }

    [Fact]
    public void A_log_gets_whole_lines_and_not_one_per_tile()
    {
        var output = new StringWriter();
        var progress = new SeedProgress(output, interactive: false, total: 10);

        for (var i = 0; i < 10; i++)
            progress.Add(1);
        progress.Finish();

        Assert.Equal(["10/10 tiles (100.0 %)"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]));
    }
}
