using GeoMas.Ogc.Server.Usage;
using GeoMas.Ogc.Server.Usage.Export;
using GeoMas.Ogc.Server.Usage.Stores;

namespace GeoMas.Ogc.Integration.Tests.Usage;

public sealed class UsageQueryTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "geomas-usage-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Defaults_are_today_every_dimension_and_json()
    {
        var query = UsageQuery.Parse(null, null, null, null, clients: false, Today);

        Assert.Equal((Today, Today, "json"), (query.From, query.To, query.Format));
        Assert.Equal(UsageQuery.CounterDimensions, query.GroupBy);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-01", null, null)]
    [InlineData("28/11/2026", null, null, null)]
    [InlineData(null, null, "partner,colour", null)]
    [InlineData(null, null, "1", null)]
    [InlineData(null, null, "application", null)]
    [InlineData(null, null, null, "xml")]
    public void Nonsense_is_refused(string? from, string? to, string? groupBy, string? format)
    {
        Assert.Throws<FormatException>(() => UsageQuery.Parse(from, to, groupBy, format, clients: false, Today));
    }

    [Fact]
    public async Task Groups_sum_over_the_other_dimensions_in_canonical_column_order()
    {
        var store = new FileUsageStore(_folder);
        await store.WriteAsync(new UsageBatch(
        [
            new UsageRecord(new UsageKey(Today, "a", "key:x", "communes", "xyz"), 2, 2, 0, 100),
            new UsageRecord(new UsageKey(Today, "a", "key:y", "communes", "wms"), 1, 0, 0, 50),
            new UsageRecord(new UsageKey(Today.AddDays(-1), "a", "key:x", "routes", "xyz"), 4, 4, 0, 10),
            new UsageRecord(new UsageKey(Today, "b, \"the\" other", "user:bob", "parcelles", "wfs"), 1, 0, 12, 999),
        ], []), default);

        var query = UsageQuery.Parse("2026-11-27", "2026-11-28", "protocol,partner", "csv", clients: false, Today);
        var rows = await UsageReport.BuildAsync(store, query, default);
        using var output = new MemoryStream();
        await UsageExportWriter.WriteAsync(output, query, rows, default);

        Assert.Equal(
            "partner,protocol,requests,tiles,features,bytes\r\n" +
            "a,wms,1,0,0,50\r\n" +
            "a,xyz,6,6,0,110\r\n" +
            "\"b, \"\"the\"\" other\",wfs,1,0,12,999\r\n",
            System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Distinct_clients_over_several_days_count_a_returning_client_once()
    {
        var store = new FileUsageStore(_folder);
        HyperLogLog Sketch(params string[] clients)
        {
            var sketch = new HyperLogLog();
            foreach (var client in clients)
                sketch.Add(StableHash.Of(client));
            return sketch;
        }
        await store.WriteAsync(new UsageBatch([],
        [
            new ClientSketch(Today.AddDays(-1), "key:geotrek", Sketch("a", "b").ToArray()),
            new ClientSketch(Today, "key:geotrek", Sketch("b", "c").ToArray()),
            new ClientSketch(Today, "public", Sketch("z").ToArray()),
        ]), default);

        var perDay = await UsageReport.BuildAsync(store, UsageQuery.Parse("2026-11-27", "2026-11-28", null, "json", clients: true, Today), default);
        var perApplication = await UsageReport.BuildAsync(store, UsageQuery.Parse("2026-11-27", "2026-11-28", "application", "json", clients: true, Today), default);

        Assert.Equal([("2026-11-27|key:geotrek", 2L), ("2026-11-28|key:geotrek", 2L), ("2026-11-28|public", 1L)],
            perDay.Select(r => (string.Join('|', r.Values), r.Clients)));
        Assert.Equal([("key:geotrek", 3L), ("public", 1L)], perApplication.Select(r => (string.Join('|', r.Values), r.Clients)));
    }
}
