using GeoMas.Ogc.Caching.Invalidation;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Invalidation;

public class ChangeDebouncerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static ChangeDebouncer Debouncer(int maxRectangles = 32) =>
        new(new InvalidationOptions { DebounceMilliseconds = 500, MaxWaitMilliseconds = 2000, MaxDirtyRectangles = maxRectangles });

    private static Envelope Box(double x) => new(x, x + 1, 0, 1);

    [Fact]
    public void A_layer_is_due_after_the_quiet_time()
    {
        var d = Debouncer();
        d.Add("parcelles", Box(0), T0);

        Assert.Empty(d.TakeDue(T0.AddMilliseconds(499)));
        Assert.Equal(T0.AddMilliseconds(500), d.NextDue);
        var due = Assert.Single(d.TakeDue(T0.AddMilliseconds(500)));
        Assert.Equal("parcelles", due.LayerId);
        Assert.Equal([Box(0)], due.Areas);
        Assert.Null(d.NextDue);
    }

    [Fact]
    public void Changes_that_keep_coming_are_flushed_at_the_max_wait()
    {
        var d = Debouncer();
        for (var ms = 0; ms <= 1900; ms += 100)
            d.Add("parcelles", Box(ms), T0.AddMilliseconds(ms));

        Assert.Equal(T0.AddMilliseconds(2000), d.NextDue);
        var due = Assert.Single(d.TakeDue(T0.AddMilliseconds(2000)));
        Assert.Equal(20, due.Areas!.Count);
    }

    [Fact]
    public void Layers_are_independent_and_a_whole_layer_change_wins()
    {
        var d = Debouncer();
        d.Add("parcelles", Box(0), T0);
        d.Add("parcelles", null, T0.AddMilliseconds(10));
        d.Add("parcelles", Box(5), T0.AddMilliseconds(20));
        d.Add("routes", Box(1), T0.AddMilliseconds(400));

        var first = Assert.Single(d.TakeDue(T0.AddMilliseconds(600)));
        Assert.Equal("parcelles", first.LayerId);
        Assert.True(first.IsWholeLayer);
        Assert.Equal("routes", Assert.Single(d.TakeDue(T0.AddMilliseconds(900))).LayerId);
    }

    [Fact]
    public void Beyond_the_cap_rectangles_merge_into_their_union()
    {
        var d = Debouncer(maxRectangles: 3);
        foreach (var x in new[] { 0.0, 10, 20, 30 })
            d.Add("parcelles", Box(x), T0);

        var due = Assert.Single(d.TakeDue(T0.AddSeconds(1)));
        Assert.Equal([new Envelope(0, 31, 0, 1)], due.Areas);
    }
}
