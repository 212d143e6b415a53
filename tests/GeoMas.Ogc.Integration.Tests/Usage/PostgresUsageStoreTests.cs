using GeoMas.Ogc.Server.Usage;
using GeoMas.Ogc.Server.Usage.Stores;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.Usage;

/// <summary>The contract on the test PostgreSQL, in a schema of its own (created by the store, dropped after).</summary>
public sealed class PostgresUsageStoreTests : UsageStoreContract, IAsyncLifetime
{
    private readonly string _schema = "usage_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly PostgresUsageStore _store;

    public PostgresUsageStoreTests() => _store = new PostgresUsageStore(RepositoryPaths.PostGis, _schema, "geomas_usage", batchSize: 2);

    protected override IUsageStore Store => _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_tables_are_created_if_missing_and_batches_span_several_statements()
    {
        // batchSize 2: five rows are three upserts, in one transaction.
        var records = Enumerable.Range(0, 5).Select(i => Record(Monday, "p" + i, "communes", "xyz", 1, 1, 0, i)).ToList();
        await _store.WriteAsync(new UsageBatch(records, []), default);
        await _store.WriteAsync(new UsageBatch(records, []), default);

        await using var connection = new NpgsqlConnection(RepositoryPaths.PostGis);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*), sum(requests), sum(bytes) FROM \"{_schema}\".geomas_usage", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((5L, 10m, 20m), (reader.GetInt64(0), reader.GetDecimal(1), reader.GetDecimal(2)));
    }

    [Fact]
    public async Task Two_instances_flushing_at_once_keep_each_others_counts_and_clients()
    {
        await using var other = new PostgresUsageStore(RepositoryPaths.PostGis, _schema, "geomas_usage", 500);
        await _store.EnsureCreatedAsync(default);
        var writes = Enumerable.Range(0, 10).Select(i =>
        {
            var sketch = new HyperLogLog();
            sketch.Add(StableHash.Of("client" + i));
            var batch = new UsageBatch([Record(Monday, "p", "communes", "xyz", 1, 1, 0, 1)], [new ClientSketch(Monday, "public", sketch.ToArray())]);
            return (i % 2 == 0 ? (IUsageStore)_store : other).WriteAsync(batch, default);
        });
        await Task.WhenAll(writes);

        var counters = new List<UsageRecord>();
        await foreach (var record in _store.ReadCountersAsync(Monday, Monday, default))
            counters.Add(record);
        Assert.Equal(10, Assert.Single(counters).Requests);
        var clients = new List<ClientSketch>();
        await foreach (var sketch in _store.ReadClientsAsync(Monday, Monday, default))
            clients.Add(sketch);
        Assert.Equal(10, HyperLogLog.Estimate(Assert.Single(clients).Registers));
    }
}
