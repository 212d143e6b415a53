using System.Data;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GeoMas.Ogc.Server.Security.Store;

/// <summary>
/// API keys (SHA-256 digests only) and users (PBKDF2 hashes) in two PostgreSQL tables. The schema name comes from
/// the configuration only and is quoted; every value is a parameter. A statement trigger sends NOTIFY on
/// <see cref="Channel"/> after any change, so running servers re-read at once.
/// </summary>
public sealed class PostgresCredentialStore : IAsyncDisposable
{
    public const string Channel = "geomas_credentials";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly ILogger _log;

    public PostgresCredentialStore(CredentialStoreOptions options, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Postgres))
            throw new ArgumentException("security.store.postgres is empty.", nameof(options));
        ConnectionString = EnvironmentExpander.Expand(options.Postgres, Environment.GetEnvironmentVariable, out _);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        _schema = "\"" + options.Schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        _log = log ?? NullLogger.Instance;
    }

    public string ConnectionString { get; }

    /// <summary>Creates the schema, the tables and the NOTIFY trigger when missing (idempotent).</summary>
    public async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($$"""
            CREATE SCHEMA IF NOT EXISTS {{_schema}};
            CREATE TABLE IF NOT EXISTS {{_schema}}.api_keys (
                id text PRIMARY KEY,
                hash text NOT NULL,
                partner text,
                roles text[] NOT NULL DEFAULT '{}',
                revoked boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS {{_schema}}.users (
                name text PRIMARY KEY,
                password_hash text NOT NULL,
                partner text,
                roles text[] NOT NULL DEFAULT '{}',
                disabled boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE OR REPLACE FUNCTION {{_schema}}.notify_credentials() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN PERFORM pg_notify('{{Channel}}', TG_TABLE_NAME); RETURN NULL; END $$;
            DROP TRIGGER IF EXISTS credentials_changed ON {{_schema}}.api_keys;
            CREATE TRIGGER credentials_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {{_schema}}.api_keys
                FOR EACH STATEMENT EXECUTE FUNCTION {{_schema}}.notify_credentials();
            DROP TRIGGER IF EXISTS credentials_changed ON {{_schema}}.users;
            CREATE TRIGGER credentials_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {{_schema}}.users
                FOR EACH STATEMENT EXECUTE FUNCTION {{_schema}}.notify_credentials();
            """);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every key and user; a malformed row is logged and left out (it cannot authenticate anyone).</summary>
    public async Task<StoredCredentials> LoadAsync(CancellationToken cancellationToken)
    {
        var keys = new List<ApiKeyEntry>();
        await using (var command = _dataSource.CreateCommand($"SELECT id, hash, partner, roles, revoked FROM {_schema}.api_keys ORDER BY id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (ApiKeyHasher.ParseStored(reader.GetString(1)) is { } digest)
                    keys.Add(new ApiKeyEntry(id, digest, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetBoolean(4)));
                else
                    _log.LogWarning("Credential store: API key '{Id}' has a malformed hash and is ignored", id);
            }
        }
        var users = new List<UserEntry>();
        await using (var command = _dataSource.CreateCommand($"SELECT name, password_hash, partner, roles, disabled FROM {_schema}.users ORDER BY name"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                if (PasswordHasher.IsWellFormed(reader.GetString(1)) && !name.Contains(':', StringComparison.Ordinal))
                    users.Add(new UserEntry(name, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetBoolean(4)));
                else
                    _log.LogWarning("Credential store: user '{Name}' has a malformed password hash or name and is ignored", name);
            }
        }
        return new StoredCredentials(keys, users);
    }

    /// <summary>Adds a key, or replaces the one with the same id (a re-issued key).</summary>
    public async Task SaveApiKeyAsync(ApiKeyOptions key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO {_schema}.api_keys (id, hash, partner, roles, revoked) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, partner = excluded.partner, roles = excluded.roles, revoked = excluded.revoked
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Hash });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)key.Partner ?? DBNull.Value, DbType = DbType.String });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Roles.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Revoked });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a key revoked; false when no key has this id.</summary>
    public async Task<bool> RevokeApiKeyAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"UPDATE {_schema}.api_keys SET revoked = true WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
