using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources.Sql;
using Npgsql;

namespace GeoMas.Ogc.Sources.PostGis;

/// <summary>
/// Start-up check of a layer against the database: the table, the id, geometry, attribute and time columns,
/// and the declared SRID of the geometry column. Reports every problem, not just the first.
/// </summary>
internal sealed class PostGisLayerValidator(NpgsqlDataSource dataSource, string defaultSchema)
{
    public async Task<IReadOnlyList<string>> ValidateAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(layer.Table))
            return [$"Layer '{layer.Id}': no table is configured."];

        var (schema, table) = SqlIdentifier.Split(layer.Table, defaultSchema);
        var quoted = SqlIdentifier.Quote(schema) + "." + SqlIdentifier.Quote(table);
        var problems = new List<string>();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var columns = await ColumnsAsync(connection, quoted, cancellationToken).ConfigureAwait(false);
            if (columns is null)
                return [$"Layer '{layer.Id}': table {schema}.{table} does not exist."];

            foreach (var (column, role) in ExpectedColumns.Of(layer))
            {
                if (!columns.Contains(column))
                    problems.Add($"Layer '{layer.Id}': {role} column '{column}' does not exist in {schema}.{table}.");
            }

            if (columns.Contains(layer.GeometryColumn))
            {
                await using var command = new NpgsqlCommand(
                    "SELECT srid FROM geometry_columns WHERE f_table_schema = @s AND f_table_name = @t AND f_geometry_column = @g", connection);
                command.Parameters.AddWithValue("s", schema);
                command.Parameters.AddWithValue("t", table);
                command.Parameters.AddWithValue("g", layer.GeometryColumn);
                var srid = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (srid is not int value)
                    problems.Add($"Layer '{layer.Id}': column '{layer.GeometryColumn}' is not a registered geometry column.");
                else if (value != layer.Srid)
                    problems.Add($"Layer '{layer.Id}': geometry column '{layer.GeometryColumn}' has SRID {value}, the catalog says {layer.Srid}.");
            }
        }
        catch (NpgsqlException e)
        {
            problems.Add($"Layer '{layer.Id}': the database could not be checked ({e.Message}).");
        }
        return problems;
    }

    private static async Task<HashSet<string>?> ColumnsAsync(NpgsqlConnection connection, string quotedTable, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass(@t) IS NOT NULL, a.attname FROM (SELECT 1) one " +
            "LEFT JOIN pg_attribute a ON a.attrelid = to_regclass(@t) AND a.attnum > 0 AND NOT a.attisdropped", connection);
        command.Parameters.AddWithValue("t", quotedTable);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        var exists = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            exists = reader.GetBoolean(0);
            if (!reader.IsDBNull(1))
                columns.Add(reader.GetString(1));
        }
        return exists ? columns : null;
    }
}
