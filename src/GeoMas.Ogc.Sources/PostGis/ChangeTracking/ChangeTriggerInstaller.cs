using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources.Sql;
using Npgsql;

namespace GeoMas.Ogc.Sources.PostGis.ChangeTracking;

/// <summary>
/// Installs the change-capture functions (schema <c>geomas_meta</c>) and the per-table triggers of every vector
/// layer of a PostGIS source. Idempotent, so the server can run it at each start
/// (<c>invalidation.installTriggers</c>) and operators with <c>geomas install-triggers</c>.
/// </summary>
public static class ChangeTriggerInstaller
{
    private const string ResourceName = "GeoMas.Ogc.Sources.PostGis.ChangeTracking.change-capture.sql";

    /// <summary>The tables of <paramref name="source"/> that layers draw from, schema-qualified, once each.</summary>
    public static IReadOnlyList<(string Schema, string Table, string GeometryColumn)> TablesOf(SourceDefinition source, IEnumerable<LayerDefinition> layers) =>
        layers.Where(l => l.Kind == LayerKind.Vector && l.SourceId == source.Id && l.Table is not null)
            .Select(l =>
            {
                var (schema, table) = SqlIdentifier.Split(l.Table!, source.Schema);
                return (schema, table, l.GeometryColumn);
            })
            .Distinct()
            .ToList();

    /// <summary>Installs (remove = false) or removes the triggers; returns the tables done ("schema.table").</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(
        SourceDefinition source, IEnumerable<LayerDefinition> layers, bool remove, CancellationToken cancellationToken)
    {
        if (source.Kind != SourceKind.PostGis)
            throw new ArgumentException($"source '{source.Id}' is not a PostGIS source.", nameof(source));
        var tables = TablesOf(source, layers);
        await using var connection = new NpgsqlConnection(source.Connection);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Several instances starting together would otherwise race on CREATE OR REPLACE ("tuple concurrently updated").
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('geomas_meta.change_capture'))", cancellationToken).ConfigureAwait(false);
        if (!remove)
            await ExecuteAsync(connection, transaction, ReadScript(), cancellationToken).ConfigureAwait(false);

        var done = new List<string>();
        foreach (var (schema, table, geometryColumn) in tables)
        {
            var quoted = SqlIdentifier.Quote(schema) + "." + SqlIdentifier.Quote(table);
            await using var command = new NpgsqlCommand(
                remove
                    ? "SELECT geomas_meta.remove_change_triggers(to_regclass(@p0)) WHERE to_regclass(@p0) IS NOT NULL AND to_regprocedure('geomas_meta.remove_change_triggers(regclass)') IS NOT NULL"
                    : "SELECT geomas_meta.install_change_triggers(to_regclass(@p0), @p1)",
                connection, transaction);
            command.Parameters.AddWithValue("p0", quoted);
            command.Parameters.AddWithValue("p1", geometryColumn);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            done.Add(schema + "." + table);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return done;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadScript()
    {
        using var stream = typeof(ChangeTriggerInstaller).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
