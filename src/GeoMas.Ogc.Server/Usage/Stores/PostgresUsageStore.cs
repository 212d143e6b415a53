using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace GeoMas.Ogc.Server.Usage.Stores;

/// <summary>
/// The production store: table <c>&lt;schema&gt;.&lt;table&gt;</c> (one row per day, partner, principal, layer and
/// protocol) and <c>&lt;table&gt;_clients</c> (one HyperLogLog sketch per day and application), created if missing.
/// A flush upserts its counters in batches, each one statement over unnested arrays, adding to the stored values;
/// sketches are merged under a transaction-scoped advisory lock so that several instances flushing at once keep
/// each other's clients. Identifiers come from the configuration and are quoted; values are parameters.
/// </summary>
public sealed class PostgresUsageStore : IUsageStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _counters;
    private readonly string _clients;
    private readonly string _schema;
    private readonly long _lockKey;
    private readonly int _batchSize;
    private volatile bool _created;

    public PostgresUsageStore(string connectionString, string schema, string table, int batchSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _schema = Quote(schema);
        _counters = _schema + "." + Quote(table);
        _clients = _schema + "." + Quote(table + "_clients");
        _lockKey = (long)StableHash.Of(schema + "." + table);
        _batchSize = Math.Clamp(batchSize, 1, 10_000);
    }

    /// <summary>Creates the schema and tables if missing (idempotent, like a migration that may run on every start).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
            return;
        await using var command = _dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {_schema};
            CREATE TABLE IF NOT EXISTS {_counters} (
                day date NOT NULL,
                partner text NOT NULL,
                principal text NOT NULL,
                layer text NOT NULL,
                protocol text NOT NULL,
                requests bigint NOT NULL DEFAULT 0,
                tiles bigint NOT NULL DEFAULT 0,
                features bigint NOT NULL DEFAULT 0,
                bytes bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (day, partner, principal, layer, protocol));
            CREATE TABLE IF NOT EXISTS {_clients} (
                day date NOT NULL,
                application text NOT NULL,
                registers bytea NOT NULL,
                PRIMARY KEY (day, application));
            """);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _created = true;
    }

    public async Task WriteAsync(UsageBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty)
            return;
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in batch.Counters.Chunk(_batchSize))
            await UpsertCountersAsync(connection, transaction, chunk, cancellationToken).ConfigureAwait(false);
        if (batch.Clients.Count > 0)
            await MergeClientsAsync(connection, transaction, batch.Clients, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpsertCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, UsageRecord[] chunk, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {_counters} AS t (day, partner, principal, layer, protocol, requests, tiles, features, bytes)
            SELECT * FROM unnest(@day, @partner, @principal, @layer, @protocol, @requests, @tiles, @features, @bytes)
            ON CONFLICT (day, partner, principal, layer, protocol) DO UPDATE SET
                requests = t.requests + excluded.requests,
                tiles = t.tiles + excluded.tiles,
                features = t.features + excluded.features,
                bytes = t.bytes + excluded.bytes
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("day", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. chunk.Select(r => r.Key.Day)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("partner", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. chunk.Select(r => r.Key.Partner)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("principal", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. chunk.Select(r => r.Key.Principal)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("layer", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. chunk.Select(r => r.Key.Layer)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("protocol", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. chunk.Select(r => r.Key.Protocol)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("requests", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. chunk.Select(r => r.Requests)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("tiles", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. chunk.Select(r => r.Tiles)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("features", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. chunk.Select(r => r.Features)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("bytes", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. chunk.Select(r => r.Bytes)] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task MergeClientsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ClientSketch> sketches, CancellationToken cancellationToken)
    {
        // Read-merge-write of a sketch is only safe if no other instance does the same in between.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", _lockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var sketch in sketches)
        {
            var merged = HyperLogLog.FromRegisters(sketch.Registers);
            await using (var read = new NpgsqlCommand($"SELECT registers FROM {_clients} WHERE day = @day AND application = @application", connection, transaction))
            {
                read.Parameters.AddWithValue("day", sketch.Day);
                read.Parameters.AddWithValue("application", sketch.Application);
                if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] stored)
                    merged.Merge(stored);
            }
            await using var write = new NpgsqlCommand($"""
                INSERT INTO {_clients} (day, application, registers) VALUES (@day, @application, @registers)
                ON CONFLICT (day, application) DO UPDATE SET registers = excluded.registers
                """, connection, transaction);
            write.Parameters.AddWithValue("day", sketch.Day);
            write.Parameters.AddWithValue("application", sketch.Application);
            write.Parameters.AddWithValue("registers", merged.ToArray());
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<UsageRecord> ReadCountersAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"""
            SELECT day, partner, principal, layer, protocol, requests, tiles, features, bytes
            FROM {_counters} WHERE day BETWEEN @from AND @to ORDER BY day, partner, principal, layer, protocol
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = new UsageKey(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            yield return new UsageRecord(key, reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
        }
    }

    public async IAsyncEnumerable<ClientSketch> ReadClientsAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"SELECT day, application, registers FROM {_clients} WHERE day BETWEEN @from AND @to ORDER BY day, application");
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            yield return new ClientSketch(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
