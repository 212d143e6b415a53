using GeoMas.Ogc.Caching.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace GeoMas.Ogc.Caching.Tests.Seeding;

public class SeedProgressTests
{
    [Fact]
    public void A_terminal_gets_a_line_redrawn_in_place_with_done_total_rate_and_eta()
    {
        var output = new StringWriter();
        var clock = new FakeTimeProvider();
        var progress = new SeedProgress(output, interactive: true, total: 1000, clock);
        progress.Resumed(100);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Add(4); // within the 250 ms redraw interval: not drawn
        clock.Advance(TimeSpan.FromMilliseconds(300));
        progress.Add(16);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Finish();

        // Resumed tiles are not part of this run's rate: 20 tiles in 0.4 s, then in 0.5 s; not 120.
        Assert.Equal(40, progress.Rate, precision: 6);
        Assert.Equal(
            "\r" + "120/1000 tiles (12.0 %), 50.0 tiles/s, elapsed 00:00, ETA 00:17".PadRight(100) +
            "\r" + "120/1000 tiles (12.0 %), 40.0 tiles/s, elapsed 00:00, ETA 00:22".PadRight(100) + "\n",
            output.ToString());
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

    [Fact]
    public void Elapsed_time_and_eta_show_hours_once_there_are_any()
    {
        var output = new StringWriter();
        var clock = new FakeTimeProvider();
        var progress = new SeedProgress(output, interactive: false, total: 30_000, clock);

        clock.Advance(new TimeSpan(1, 2, 3));
        progress.Add(10_000);

        Assert.Equal("10000/30000 tiles (33.3 %), 2.7 tiles/s, elapsed 1:02:03, ETA 2:04:06", progress.Line());
    }
}
