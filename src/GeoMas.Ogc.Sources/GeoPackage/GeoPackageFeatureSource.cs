using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Sources.Sql;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Simplify;

namespace GeoMas.Ogc.Sources.GeoPackage;

/// <summary>
/// <see cref="IFeatureSource"/> over a GeoPackage file opened read-only (the embedded default). Same contract
/// and same answers as <see cref="PostGis.PostGisFeatureSource"/>: filters compile to SQLite SQL, the
/// gpkg_rtree_index serves the bbox, NTS evaluates exact spatial predicates inside SQL, and simplification and
/// reprojection run in C#. Connections are pooled by Microsoft.Data.Sqlite; each statement takes one.
/// </summary>
public sealed class GeoPackageFeatureSource : IFeatureSource, IAsyncDisposable
{
    private readonly SourceDefinition _definition;
    private readonly CrsRegistry _crs;
    private readonly string _connectionString;
    private readonly LayerCache<GeoPackageLayer> _layers;

    public GeoPackageFeatureSource(SourceDefinition definition, CrsRegistry crs)
    {
        _definition = definition;
        _crs = crs;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(definition.Connection),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
        _layers = new LayerCache<GeoPackageLayer>(LoadLayerAsync);
    }

    public string SourceId => _definition.Id;

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var feature in RunAsync(query, applyTime: true, cancellationToken).ConfigureAwait(false))
            yield return feature;
    }

    private async IAsyncEnumerable<Feature> RunAsync(FeatureQuery query, bool applyTime, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        QueryChecks.Validate(query);
        var table = await _layers.GetAsync(query.Layer, cancellationToken).ConfigureAwait(false);
        var properties = table.Schema.ResolveProperties(query.EffectiveProperties);
        var compiler = new SqliteFilterCompiler(table, _crs);
        var statement = Builder(table, compiler, applyTime).Select(query, properties);
        if (statement is null)
            yield break;

        var geometryReader = new GeoPackageGeoReader();
        var tolerance = query.SimplifyTolerance;
        var rows = new FeatureRowReader(
            query.Layer.Srid,
            properties,
            query.IncludeGeometry ? (r, i) => geometryReader.Read((byte[])r.GetValue(i)) : null,
            tolerance > 0 ? g => Simplify(g, tolerance) : null,
            query.ResolveOutputTransform(_crs));

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        compiler.Functions.Register(connection, cancellationToken);
        await using var command = CreateCommand(connection, statement);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Microsoft.Data.Sqlite runs synchronously: the token is honoured between rows.
            cancellationToken.ThrowIfCancellationRequested();
            yield return rows.Read(reader);
        }
    }

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        QueryChecks.Validate(query);
        var table = await _layers.GetAsync(query.Layer, cancellationToken).ConfigureAwait(false);
        var compiler = new SqliteFilterCompiler(table, _crs);
        var statement = Builder(table, compiler, applyTime: true).Count(query);
        if (statement is null)
            return 0;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        compiler.Functions.Register(connection, cancellationToken);
        await using var command = CreateCommand(connection, statement);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
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
        var table = await _layers.GetAsync(layer, cancellationToken).ConfigureAwait(false);
        // The rtree holds every box (rounded outwards to float32): exact enough, and no blob is decoded.
        var sql = table.QuotedRtree is not null
            ? $"SELECT min(minx), min(miny), max(maxx), max(maxy) FROM {table.QuotedRtree}"
            : "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = @p0";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, new SqlStatement(sql, [table.TableName]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
            return null;
        return new Envelope(reader.GetDouble(0), reader.GetDouble(2), reader.GetDouble(1), reader.GetDouble(3));
    }

    public async Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        if (layer.Time is not { } time)
            return [];
        var table = await _layers.GetAsync(layer, cancellationToken).ConfigureAwait(false);
        var columns = new List<string> { time.StartColumn };
        if (time.EndColumn is not null)
            columns.Add(time.EndColumn);
        var union = string.Join(" UNION ", columns.Select(c => $"SELECT {SqlIdentifier.Quote(c)} AS d FROM {table.Schema.QuotedTable}"));

        // Distinct on the parsed value: text forms of one day could differ ("2020-01-01" vs a datetime).
        var result = new SortedSet<DateOnly>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, new SqlStatement($"SELECT DISTINCT d FROM ({union}) WHERE d IS NOT NULL", []));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add((DateOnly)DbValueConverter.ToClr(reader.GetValue(0), AttributeType.Date)!);
        return [.. result];
    }

    public async Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await new GeoPackageLayerValidator(connection).ValidateAsync(layer, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            return [$"Layer '{layer.Id}': the GeoPackage could not be checked ({e.Message})."];
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = CreateCommand(connection, new SqlStatement("SELECT count(*) FROM gpkg_contents", []));
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SqliteException or ServiceException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private static FeatureStatementBuilder Builder(GeoPackageLayer table, SqliteFilterCompiler compiler, bool applyTime) =>
        new(table.Schema, compiler) { ApplyTime = applyTime, UnlimitedClause = " LIMIT -1" };

    /// <summary>
    /// Douglas-Peucker without the topology repair, as PostGIS ST_Simplify(geom, tol, true) does: a map at small
    /// scale needs fewer vertices, not valid polygons. Geometries that would vanish are kept as they are.
    /// </summary>
    private static Geometry Simplify(Geometry geometry, double tolerance)
    {
        var simplifier = new DouglasPeuckerSimplifier(geometry) { DistanceTolerance = tolerance, EnsureValidTopology = false };
        var simplified = simplifier.GetResultGeometry();
        return simplified.IsEmpty ? geometry : simplified;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ServiceException.Unavailable($"The GeoPackage of source '{SourceId}' cannot be opened.", e);
        }
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.CommandText = statement.Text;
        for (var i = 0; i < statement.Parameters.Count; i++)
            command.Parameters.AddWithValue("@" + SqlParameterList.NameOf(i), statement.Parameters[i] ?? DBNull.Value);
        return command;
    }

    private async Task<GeoPackageLayer> LoadLayerAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        var name = GeoPackageLayerValidator.TableName(layer);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var columns = await GeoPackageLayerValidator.ColumnsAsync(connection, name, cancellationToken).ConfigureAwait(false);
        if (!columns.TryGetValue(layer.IdColumn, out var id))
            throw SourceErrors.Misconfigured(layer, $"table '{name}' or its id column '{layer.IdColumn}' does not exist in the GeoPackage.");

        var rowId = columns.Values.FirstOrDefault(c => c.IsPrimaryKey && c.IsInteger)?.Name ?? "rowid";
        var rtree = $"rtree_{name}_{layer.GeometryColumn}";
        var hasRtree = await GeoPackageLayerValidator.TableExistsAsync(connection, rtree, cancellationToken).ConfigureAwait(false);
        var schema = new LayerSchema(layer, SqlIdentifier.Quote(name), id.IsInteger ? AttributeType.Long : AttributeType.String);
        return new GeoPackageLayer(schema, name, SqlIdentifier.Quote(rowId), hasRtree ? SqlIdentifier.Quote(rtree) : null);
    }
}
