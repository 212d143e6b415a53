using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources.Sql;
using Microsoft.Data.Sqlite;

namespace GeoMas.Ogc.Sources.GeoPackage;

/// <summary>
/// Start-up check of a layer against a GeoPackage (table, columns, gpkg_geometry_columns.srs_id, rtree index),
/// plus the small introspection queries the source itself needs. Reports every problem found.
/// </summary>
internal sealed class GeoPackageLayerValidator(SqliteConnection connection)
{
    internal sealed record Column(string Name, string Type, bool IsPrimaryKey)
    {
        // SQLite integer affinity: any declared type containing "INT" (INTEGER, MEDIUMINT, BIGINT...).
        public bool IsInteger => Type.Contains("INT", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>GeoPackage has no schemas: "schema.table" in a shared catalog means "table" here.</summary>
    public static string TableName(LayerDefinition layer)
    {
        var table = SourceErrors.TableOf(layer);
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < table.Length - 1 ? table[(dot + 1)..] : table;
    }

    public async Task<IReadOnlyList<string>> ValidateAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(layer.Table))
            return [$"Layer '{layer.Id}': no table is configured."];
        var table = TableName(layer);
        var columns = await ColumnsAsync(connection, table, cancellationToken).ConfigureAwait(false);
        if (columns.Count == 0)
            return [$"Layer '{layer.Id}': table '{table}' does not exist in the GeoPackage."];

        var problems = new List<string>();
        foreach (var (column, role) in ExpectedColumns.Of(layer))
        {
            if (!columns.ContainsKey(column))
                problems.Add($"Layer '{layer.Id}': {role} column '{column}' does not exist in table '{table}'.");
        }

        if (columns.ContainsKey(layer.GeometryColumn))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = @t AND column_name = @g";
            command.Parameters.AddWithValue("@t", table);
            command.Parameters.AddWithValue("@g", layer.GeometryColumn);
            var srid = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (srid is not long value)
                problems.Add($"Layer '{layer.Id}': column '{layer.GeometryColumn}' is not registered in gpkg_geometry_columns.");
            else if (value != layer.Srid)
                problems.Add($"Layer '{layer.Id}': geometry column '{layer.GeometryColumn}' has SRID {value}, the catalog says {layer.Srid}.");

            if (!await TableExistsAsync(connection, $"rtree_{table}_{layer.GeometryColumn}", cancellationToken).ConfigureAwait(false))
                problems.Add($"Layer '{layer.Id}': no rtree spatial index on '{table}.{layer.GeometryColumn}' (every bbox query would scan the table).");
        }
        return problems;
    }

    public static async Task<Dictionary<string, Column>> ColumnsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type, pk FROM pragma_table_info(@t)";
        command.Parameters.AddWithValue("@t", table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            columns[reader.GetString(0)] = new Column(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) > 0);
        return columns;
    }

    public static async Task<bool> TableExistsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = @t";
        command.Parameters.AddWithValue("@t", table);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }
}
