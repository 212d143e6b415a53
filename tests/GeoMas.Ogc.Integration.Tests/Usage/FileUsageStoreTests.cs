using GeoMas.Ogc.Server.Usage;
using GeoMas.Ogc.Server.Usage.Stores;

namespace GeoMas.Ogc.Integration.Tests.Usage;

public sealed class FileUsageStoreTests : UsageStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "geomas-usage-" + Guid.NewGuid().ToString("N"));
    private readonly FileUsageStore _store;

    public FileUsageStoreTests() => _store = new FileUsageStore(_folder);

    protected override IUsageStore Store => _store;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task One_json_lines_file_per_day_replaced_whole()
    {
        await _store.WriteAsync(new UsageBatch([Record(Monday, "ca-gap", "communes", "xyz", 1, 1, 0, 10), Record(Tuesday, "ca-gap", "communes", "xyz", 1, 1, 0, 10)], []), default);

        var files = Directory.GetFiles(_folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new List<string> { ".lock", "usage-2026-11-23.jsonl", "usage-2026-11-24.jsonl" }, files);
        var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(_folder, "usage-2026-11-23.jsonl")));
        Assert.Equal("""{"day":"2026-11-23","partner":"ca-gap","principal":"key:ca-gap","layer":"communes","protocol":"xyz","requests":1,"tiles":1,"features":0,"bytes":10}""", line);
    }

    [Fact]
    public async Task Concurrent_writers_on_the_same_folder_lose_nothing()
    {
        // Two stores on one folder: two servers, or a server and a CLI, sharing it.
        var other = new FileUsageStore(_folder);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? _store : other)
            .WriteAsync(new UsageBatch([Record(Monday, "p", "communes", "xyz", 1, 1, 0, 7)], []), default)));

        var record = Assert.Single(await ToListAsync(_store.ReadCountersAsync(Monday, Monday, default)));
        Assert.Equal((20L, 140L), (record.Requests, record.Bytes));
    }

    [Fact]
    public async Task A_broken_line_is_reported_with_its_place()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "usage-2026-11-23.jsonl"), "{\"day\":\"2026-11-23\"}\n{not json\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ToListAsync(_store.ReadCountersAsync(Monday, Monday, default)));
        Assert.Contains("line 2", error.Message);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}
