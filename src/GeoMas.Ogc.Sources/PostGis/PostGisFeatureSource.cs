using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Sources.Sql;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoMas.Ogc.Sources.PostGis;

/// <summary>
/// <see cref="IFeatureSource"/> over PostGIS through one pooled <see cref="NpgsqlDataSource"/> per source.
/// Every query is parameterised, bounded by the source's statement_timeout (set once per physical connection
/// through the startup options, so it also holds for pooled connections) and cancelled server-side when the
/// token fires. Rows stream with SequentialAccess; geometries arrive as binary through the NTS plugin.
/// Output reprojection is done in C# (same code as GeoPackage), simplification in SQL (fewer bytes on the wire).
/// </summary>
public sealed class PostGisFeatureSource : IFeatureSource, IAsyncDisposable
{
    private readonly SourceDefinition _definition;
    private readonly CrsRegistry _crs;
    private readonly NpgsqlDataSource _dataSource;
    private readonly LayerCache<LayerSchema> _schemas;
    private string? _textCollation;

    public PostGisFeatureSource(SourceDefinition definition, CrsRegistry crs)
    {
        _definition = definition;
        _crs = crs;
        var builder = new NpgsqlDataSourceBuilder(BuildConnectionString(definition));
        builder.UseNetTopologySuite();
        _dataSource = builder.Build();
        _schemas = new LayerCache<LayerSchema>(LoadSchemaAsync);
    }

    public string SourceId => _definition.Id;

    internal NpgsqlDataSource DataSource => _dataSource;

    internal static string BuildConnectionString(SourceDefinition definition)
    {
        var csb = new NpgsqlConnectionStringBuilder(definition.Connection)
        {
            MaxPoolSize = definition.MaxPoolSize,
        };
        if (string.IsNullOrEmpty(csb.ApplicationName))
            csb.ApplicationName = "geomas-ogc";
        if (IsLoopback(csb.Host) && !MentionsSsl(definition.Connection))
        {
            // TLS on the loopback interface protects nothing, yet PostgreSQL's default ssl=on makes Npgsql and the
            // backend encrypt every row (half a megabyte per 1000-feature page) on both sides. An explicit SSL Mode wins.
            csb.SslMode = SslMode.Disable;
        }
        var ms = (long)Math.Ceiling(definition.StatementTimeout.TotalMilliseconds);
        if (ms > 0)
        {
            // Server-side limit, applied at connection start-up: no extra round trip per query, and it also
            // bounds queries whose client vanished. The client timeout is a little longer so the server's
            // cleaner error wins the race.
            csb.Options = ((csb.Options ?? "") + " -c statement_timeout=" + ms.ToString(CultureInfo.InvariantCulture)).Trim();
            csb.CommandTimeout = (int)Math.Ceiling(definition.StatementTimeout.TotalSeconds) + 5;
        }
        return csb.ConnectionString;
    }

    private static bool IsLoopback(string? hosts) =>
        !string.IsNullOrEmpty(hosts) && hosts.Split(',').All(h =>
        {
            var host = h.Trim();
            var colon = host.LastIndexOf(':');
            if (colon > 0 && !host.Contains("::", StringComparison.Ordinal))
                host = host[..colon];
            return host is "localhost" or "127.0.0.1" or "::1" or "[::1]" || host.StartsWith('/');
        });

    private static bool MentionsSsl(string connection)
    {
        var raw = new DbConnectionStringBuilder { ConnectionString = connection };
        return raw.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).StartsWith("ssl", StringComparison.OrdinalIgnoreCase));
    }

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var feature in RunAsync(query, applyTime: true, cancellationToken).ConfigureAwait(false))
            yield return feature;
    }

    private async IAsyncEnumerable<Feature> RunAsync(FeatureQuery query, bool applyTime, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        QueryChecks.Validate(query);
        var schema = await _schemas.GetAsync(query.Layer, cancellationToken).ConfigureAwait(false);
        var properties = schema.ResolveProperties(query.EffectiveProperties);
        var compiler = new PostGisFilterCompiler(schema, _crs);
        var builder = Builder(schema, compiler, applyTime);
        var statement = builder.Select(query, properties);
        if (statement is null)
            yield break;

        var rows = new FeatureRowReader(
            query.Layer.Srid,
            properties,
            query.IncludeGeometry ? static (r, i) => r.GetFieldValue<Geometry>(i) : null,
            simplify: null,
            query.ResolveOutputTransform(_crs));

        await using var connection = await Guard(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, statement);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken), cancellationToken).ConfigureAwait(false);
        long read = 0;
        var readToTheEnd = false;
        try
        {
            while (await ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                yield return rows.Read(reader);
            }
            readToTheEnd = true;
        }
        finally
        {
            // Left early with rows perhaps still to come: a lookup that has its one row, or a page its limit, has
            // nothing left; an export whose client went away may have the rest of a table.
            if (!readToTheEnd && (query.Limit is not { } limit || read < limit))
                await AbandonAsync(command, reader).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops a statement whose remaining rows nobody will read. Closing the reader alone would read them all off the
    /// wire (Npgsql skips them to get the connection back), so the rest of a whole-table export would still be
    /// scanned and sent; Npgsql cancels by itself only when a cancellation reaches one of its own reads. The
    /// statement is cancelled first, and the error it then ends with is the expected end.
    /// </summary>
    private static async ValueTask AbandonAsync(NpgsqlCommand command, NpgsqlDataReader reader)
    {
        try
        {
            command.Cancel();
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            // "canceling statement due to user request", or a connection already broken: nothing is left to stop.
        }
    }

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        QueryChecks.Validate(query);
        var schema = await _schemas.GetAsync(query.Layer, cancellationToken).ConfigureAwait(false);
        var statement = Builder(schema, new PostGisFilterCompiler(schema, _crs), applyTime: true).Count(query);
        if (statement is null)
            return 0;
        if (query.Layer.Count == FeatureCountMode.Estimated
            && await EstimateAsync(schema, statement, cancellationToken).ConfigureAwait(false) is { } estimate)
            return estimate;
        var result = await ScalarAsync(statement, cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Statistics instead of a scan: pg_class.reltuples for the whole table (kept by VACUUM/ANALYZE), otherwise the
    /// planner's row estimate of the same WHERE (EXPLAIN plans, never runs). Null when the table was never analysed.
    /// </summary>
    private async Task<long?> EstimateAsync(LayerSchema schema, SqlStatement count, CancellationToken cancellationToken)
    {
        if (!count.Text.Contains(" WHERE ", StringComparison.Ordinal))
        {
            var rows = await ScalarAsync(new SqlStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(@p0)", [schema.QuotedTable]), cancellationToken).ConfigureAwait(false);
            return rows is float n && n >= 0 ? (long)n : null;
        }
        var plan = await ScalarAsync(new SqlStatement("EXPLAIN (FORMAT JSON) " + count.Text.Replace("SELECT count(*) FROM", "SELECT 1 FROM", StringComparison.Ordinal), count.Parameters), cancellationToken).ConfigureAwait(false);
        if (plan is not string json)
            return null;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement[0].GetProperty("Plan").TryGetProperty("Plan Rows", out var planRows) ? (long)planRows.GetDouble() : null;
    }

    public async Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken)
    {
        var query = new FeatureQuery { Layer = layer, Filter = new IdIn([id]), Limit = 1, OutputSrid = outputSrid };
        await foreach (var feature in RunAsync(query, applyTime: false, cancellationToken).ConfigureAwait(false))
            return feature;
        return null;
    }

    public async Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        var schema = await _schemas.GetAsync(layer, cancellationToken).ConfigureAwait(false);
        var (tableSchema, table) = SqlIdentifier.Split(SourceErrors.TableOf(layer), _definition.Schema);

        // Past a million rows the planner statistics are good enough and scanning every box is not.
        var rows = await ScalarAsync(new SqlStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(@p0)", [schema.QuotedTable]), cancellationToken).ConfigureAwait(false);
        if (rows is float n && n > 1_000_000)
        {
            var estimated = await ExtentAsync(
                new SqlStatement("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_EstimatedExtent(@p0, @p1, @p2) AS e) s",
                    [tableSchema, table, layer.GeometryColumn]), cancellationToken).ConfigureAwait(false);
            if (estimated is not null)
                return estimated;
        }

        return await ExtentAsync(
            new SqlStatement($"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent({schema.QuotedGeometry}) AS e FROM {schema.QuotedTable}) s", []),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<Envelope?> ExtentAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var connection = await Guard(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, statement);
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
            return null;
        return new Envelope(reader.GetDouble(0), reader.GetDouble(2), reader.GetDouble(1), reader.GetDouble(3));
    }

    public async Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        if (layer.Time is not { } time)
            return [];
        var schema = await _schemas.GetAsync(layer, cancellationToken).ConfigureAwait(false);
        var columns = new List<string> { time.StartColumn };
        if (time.EndColumn is not null)
            columns.Add(time.EndColumn);
        var union = string.Join(" UNION ", columns.Select(c => $"SELECT {SqlIdentifier.Quote(c)} AS d FROM {schema.QuotedTable}"));
        var sql = $"SELECT DISTINCT d FROM ({union}) s WHERE d IS NOT NULL ORDER BY d";

        var result = new List<DateOnly>();
        await using var connection = await Guard(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, new SqlStatement(sql, []));
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add((DateOnly)DbValueConverter.ToClr(reader.GetValue(0), AttributeType.Date)!);
        return result;
    }

    public Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        new PostGisLayerValidator(_dataSource, _definition.Schema).ValidateAsync(layer, cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private FeatureStatementBuilder Builder(LayerSchema schema, PostGisFilterCompiler compiler, bool applyTime) => new(schema, compiler)
    {
        ApplyTime = applyTime,
        TextCollation = _textCollation ?? "",
        // Called before anything else adds a parameter, so the tolerance is always @p0 and the cached
        // SELECT template stays valid for every request.
        GeometrySelect = q => q.SimplifyTolerance > 0
            ? $"ST_Simplify({schema.QuotedGeometry}, {compiler.Param(q.SimplifyTolerance)}, true)"
            : schema.QuotedGeometry,
    };

    private async Task<LayerSchema> LoadSchemaAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        var (schemaName, table) = SqlIdentifier.Split(SourceErrors.TableOf(layer), _definition.Schema);
        var quoted = SqlIdentifier.Quote(schemaName) + "." + SqlIdentifier.Quote(table);

        _textCollation ??= await DetectCollationAsync(cancellationToken).ConfigureAwait(false);
        var type = await ScalarAsync(new SqlStatement(
            "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
            "WHERE a.attrelid = to_regclass(@p0) AND a.attname = @p1 AND a.attnum > 0 AND NOT a.attisdropped",
            [quoted, layer.IdColumn]), cancellationToken).ConfigureAwait(false) as string
            ?? throw SourceErrors.Misconfigured(layer, $"table {quoted} or its id column '{layer.IdColumn}' does not exist.");
        var idType = type is "smallint" or "integer" or "bigint" ? AttributeType.Long : AttributeType.String;
        return new LayerSchema(layer, quoted, idType);
    }

    // Feature order must not depend on the server locale: GeoPackage sorts text by code point, so PostgreSQL
    // sorts with COLLATE "C" unless the database collation already is a code-point one.
    private async Task<string> DetectCollationAsync(CancellationToken cancellationToken)
    {
        var collation = await ScalarAsync(new SqlStatement("SELECT datcollate FROM pg_database WHERE datname = current_database()", []), cancellationToken).ConfigureAwait(false) as string;
        return collation is "C" or "POSIX" || (collation?.StartsWith("C.", StringComparison.Ordinal) ?? false) ? "" : " COLLATE \"C\"";
    }

    private async Task<object?> ScalarAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var connection = await Guard(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, statement);
        var value = await Guard(() => command.ExecuteScalarAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static NpgsqlCommand CreateCommand(NpgsqlConnection connection, SqlStatement statement)
    {
        var command = new NpgsqlCommand(statement.Text, connection);
        for (var i = 0; i < statement.Parameters.Count; i++)
            command.Parameters.Add(new NpgsqlParameter(SqlParameterList.NameOf(i), statement.Parameters[i] ?? DBNull.Value));
        return command;
    }

    /// <summary>Database failures become typed errors; the caller's own cancellation stays a cancellation.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw PostGisErrors.Translate(e);
        }
        catch (System.Text.EncoderFallbackException e)
        {
            throw PostGisErrors.Unencodable(e);
        }
    }

    private static async ValueTask<bool> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw PostGisErrors.Translate(e);
        }
    }
}
