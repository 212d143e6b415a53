using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Security;
using Npgsql;

namespace GeoMas.Ogc.Integration.Tests.Security.Store;

/// <summary>
/// security.store.postgres on the local PostGIS, in a schema of this test (dropped at the end): a key written by
/// `geomas apikey --store postgres` and a user inserted with SQL authenticate on a running server; revoking the key
/// (`--revoke`) and disabling the user take effect after the NOTIFY-driven refresh, without restart.
/// </summary>
public sealed class PostgresCredentialStoreTests
{
    private const string Postgres = "Host=127.0.0.1;Database=geomas;Username=geomas;Password=geomas";

    [Fact]
    public async Task Keys_and_users_created_in_the_database_authenticate_and_revocation_applies_after_refresh()
    {
        var schema = "geomas_sec_test_" + Guid.NewGuid().ToString("N")[..8];
        string[] config =
        [
            "--config", RepositoryPaths.Config("geomas.postgis.json"), "--cache:store=none",
            "--security:store:postgres=" + Postgres, "--security:store:schema=" + schema, "--security:store:refreshSeconds=30",
            "--security:basic=true", "--security:restrictedLayers:0=parcelles",
            "--security:rules:0:layers:0=parcelles", "--security:rules:0:roles:0=agent",
        ];
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, CredentialCommands.NewApiKey(CommandLine.Parse(["apikey", "--store", "postgres", "--id", "geotrek", "--roles", "agent", .. config]), output));
            var key = output.ToString().Split('\n').Single(l => l.StartsWith("key:", StringComparison.Ordinal))[4..].Trim();
            Assert.DoesNotContain(key, await ScalarAsync($"SELECT string_agg(hash, ',') FROM \"{schema}\".api_keys"), StringComparison.Ordinal);

            await using var app = await TestApp.StartAsync(config);
            using var anonymous = app.CreateClient();
            using var withKey = app.CreateClient();
            withKey.DefaultRequestHeaders.Add(SecuritySchemes.ApiKeyHeader, key);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anonymous));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(withKey));

            // A user added in the database while the server runs: the trigger's NOTIFY makes it usable at once.
            var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync($"INSERT INTO \"{schema}\".users (name, password_hash, partner, roles) VALUES ('carla', $1, 'cc-ouest', '{{agent}}')",
                PasswordHasher.Hash(password, 1000));
            using var carla = app.CreateClient();
            carla.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("carla:" + password)));
            Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(carla, HttpStatusCode.OK));

            output = new StringWriter();
            Assert.Equal(0, CredentialCommands.NewApiKey(CommandLine.Parse(["apikey", "--store", "postgres", "--revoke", "geotrek", .. config]), output));
            Assert.Equal(HttpStatusCode.Unauthorized, await EventuallyAsync(withKey, HttpStatusCode.Unauthorized));
        }
        finally
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/collections/parcelles/items?limit=1");
        return response.StatusCode;
    }

    /// <summary>
    /// Polls for up to 20 s: the refresh runs on NOTIFY, in well under a second; the bound is for a loaded machine,
    /// and stays below the 30 s periodic refresh, which is not what the test waits for.
    /// </summary>
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient client, HttpStatusCode expected)
    {
        var status = await StatusAsync(client);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (status != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = await StatusAsync(client);
        }
        return status;
    }

    private static async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }
}
