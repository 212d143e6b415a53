using System.Threading.Channels;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources.PostGis.ChangeTracking;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoMas.Ogc.Sources.Tests.PostGis.ChangeTracking;

/// <summary>
/// The triggers of change-capture.sql and the LISTEN loop against the real database, on a scratch table of a scratch
/// schema (the demo tables are left alone here; the two-instance test in the integration tests edits a real parcel).
/// </summary>
public sealed class ChangeCaptureTests : IAsyncLifetime
{
    private const string Schema = "geomas_ct_test";
    private readonly string _table = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly SourceDefinition _source = TestLayers.PostGisSource() with { Id = "ct" + Guid.NewGuid().ToString("N")[..8], Schema = Schema };
    private readonly Channel<DataChange> _changes = Channel.CreateUnbounded<DataChange>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _listening;
    private readonly ListLogger _log = new();
    private PostGisChangeListener? _listener;

    private LayerDefinition Layer => new() { Id = "scratch", Title = "scratch", SourceId = _source.Id, Table = _table, GeometryColumn = "the geom" };

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {Schema}; CREATE TABLE {Schema}.{_table} (id int PRIMARY KEY, \"the geom\" geometry(Polygon, 2154))");
        var installed = await ChangeTriggerInstaller.RunAsync(_source, [Layer], remove: false, CancellationToken.None);
        Assert.Equal([$"{Schema}.{_table}"], installed);
        // Installing twice is harmless (the server does it at every start).
        await ChangeTriggerInstaller.RunAsync(_source, [Layer], remove: false, CancellationToken.None);

        _listener = new PostGisChangeListener(_source.Id, _source.Connection, _log) { MinBackoff = TimeSpan.FromMilliseconds(50) };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listener.Listening += () => ready.TrySetResult();
        _listening = _listener.RunAsync(c => { if (c.Table is null || c.Table == _table) _changes.Writer.TryWrite(c); }, _stop.Token);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        if (_listening is not null)
            await _listening;
        await ExecuteAsync($"DROP TABLE IF EXISTS {Schema}.{_table}");
    }

    [Fact]
    public async Task A_bulk_insert_is_one_notification_with_the_union_extent()
    {
        await ExecuteAsync($"INSERT INTO {Schema}.{_table} SELECT g, ST_MakeEnvelope(g * 10, 6000000, g * 10 + 5, 6000005, 2154) FROM generate_series(1, 20000) g");

        var change = await Next();
        Assert.Equal(new Envelope(10, 200005, 6000000, 6000005), change.Bounds);
        Assert.Equal((Schema, _table, _source.Id), (change.Schema, change.Table, change.SourceId));
        Assert.Empty(await Drain(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task An_update_reports_old_and_new_places_and_a_delete_the_old_one()
    {
        await ExecuteAsync($"INSERT INTO {Schema}.{_table} VALUES (1, ST_MakeEnvelope(100, 100, 200, 200, 2154)), (2, ST_MakeEnvelope(5000, 5000, 5001, 5001, 2154))");
        await Next();

        await ExecuteAsync($"UPDATE {Schema}.{_table} SET \"the geom\" = ST_MakeEnvelope(900, 900, 1000, 1000, 2154) WHERE id = 1");
        Assert.Equal(new Envelope(100, 1000, 100, 1000), (await Next()).Bounds);

        await ExecuteAsync($"DELETE FROM {Schema}.{_table} WHERE id = 2");
        Assert.Equal(new Envelope(5000, 5001, 5000, 5001), (await Next()).Bounds);
    }

    [Fact]
    public async Task Statements_that_change_nothing_and_rolled_back_transactions_are_silent()
    {
        await ExecuteAsync($"UPDATE {Schema}.{_table} SET id = id WHERE false");
        await ExecuteAsync($"BEGIN; INSERT INTO {Schema}.{_table} VALUES (7, ST_MakeEnvelope(1, 1, 2, 2, 2154)); ROLLBACK");
        await ExecuteAsync($"INSERT INTO {Schema}.{_table} VALUES (8, NULL)");

        Assert.Empty(await Drain(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Truncate_reports_the_whole_table()
    {
        await ExecuteAsync($"TRUNCATE {Schema}.{_table}");

        Assert.True((await Next()).IsWholeTable);
    }

    [Fact]
    public async Task After_a_lost_connection_it_reconnects_and_reports_the_source_unknown()
    {
        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listener!.Listening += () => again.TrySetResult();

        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'geomas changes {_source.Id}'");

        var change = await Next();
        Assert.True(change.IsWholeSource);
        Assert.Equal(_source.Id, change.SourceId);
        await again.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await ExecuteAsync($"INSERT INTO {Schema}.{_table} VALUES (3, ST_MakeEnvelope(1, 2, 3, 4, 2154))");
        Assert.Equal(new Envelope(1, 3, 2, 4), (await Next()).Bounds);
    }

    [Fact]
    public async Task Removing_the_triggers_silences_the_table()
    {
        await ChangeTriggerInstaller.RunAsync(_source, [Layer], remove: true, CancellationToken.None);

        await ExecuteAsync($"INSERT INTO {Schema}.{_table} VALUES (4, ST_MakeEnvelope(1, 2, 3, 4, 2154))");

        Assert.Empty(await Drain(TimeSpan.FromMilliseconds(500)));
    }

    private async Task<DataChange> Next()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await _changes.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("no notification within 10 s; listener log:\n" + _log);
            throw;
        }
    }

    private async Task<List<DataChange>> Drain(TimeSpan wait)
    {
        await Task.Delay(wait);
        var list = new List<DataChange>();
        while (_changes.Reader.TryRead(out var change))
            list.Add(change);
        return list;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_source.Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
