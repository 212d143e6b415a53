using System.Net;
using GeoMas.Ogc.Server.Usage;

namespace GeoMas.Ogc.Integration.Tests.Usage;

public class HyperLogLogTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(20)]
    public void Small_counts_are_exact(int clients)
    {
        var sketch = new HyperLogLog();
        for (var i = 0; i < clients; i++)
        {
            sketch.Add(StableHash.Of("user:" + i));
            sketch.Add(StableHash.Of("user:" + i)); // the same client again
        }

        Assert.Equal(clients, sketch.Estimate());
    }

    [Theory]
    [InlineData(2_300)]
    [InlineData(100_000)]
    public void Large_counts_are_within_five_percent(int clients)
    {
        var sketch = new HyperLogLog();
        for (var i = 0; i < clients; i++)
            sketch.Add(StableHash.Of(new IPAddress(BitConverter.GetBytes(0x0A000000 + i))));

        Assert.InRange(sketch.Estimate(), clients * 0.95, clients * 1.05);
    }

    [Fact]
    public void Merging_is_a_union_and_merging_twice_changes_nothing()
    {
        var monday = new HyperLogLog();
        var tuesday = new HyperLogLog();
        for (var i = 0; i < 1000; i++)
            monday.Add(StableHash.Of("c" + i));
        for (var i = 500; i < 1500; i++)
            tuesday.Add(StableHash.Of("c" + i));

        var both = HyperLogLog.FromRegisters(monday.ToArray());
        both.Merge(tuesday.ToArray());
        var once = both.Estimate();
        both.Merge(tuesday.ToArray());

        Assert.InRange(once, 1500 * 0.95, 1500 * 1.05);
        Assert.Equal(once, both.Estimate());
    }

    [Fact]
    public void The_hash_is_the_same_in_every_process_and_maps_ipv4_over_ipv6()
    {
        // A constant (computed independently): sketches written by one process are merged by another.
        Assert.Equal(0xc4a8b2677b26fc42UL, StableHash.Of("key:geotrek"));
        Assert.NotEqual(StableHash.Of("key:geotrek"), StableHash.Of("key:geotrel"));
        Assert.Equal(StableHash.Of(IPAddress.Parse("192.0.2.7")), StableHash.Of(IPAddress.Parse("::ffff:192.0.2.7")));
    }
}
