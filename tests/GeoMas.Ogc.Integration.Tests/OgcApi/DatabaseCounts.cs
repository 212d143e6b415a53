using Microsoft.Data.Sqlite;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>Row counts read straight from the stores, independently of the server, to check what the API returns.</summary>
internal static class DatabaseCounts
{
    public static string DemoGeoPackage => Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo.gpkg");

    /// <summary>Runs a scalar SQL in the demo GeoPackage (tables without schema) or PostGIS (schema geomas).</summary>
    public static async Task<long> ScalarAsync(bool postGis, string sql)
    {
        if (postGis)
        {
            await using var pg = new NpgsqlConnection(RepositoryPaths.PostGis);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql.Replace("{schema}", "geomas.", StringComparison.Ordinal), pg);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var lite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DemoGeoPackage, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await lite.OpenAsync();
        await using var query = lite.CreateCommand();
        query.CommandText = sql.Replace("{schema}", "", StringComparison.Ordinal);
        return Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<long> RowsAsync(bool postGis, string table) => ScalarAsync(postGis, $"SELECT count(*) FROM {{schema}}{table}");
}
