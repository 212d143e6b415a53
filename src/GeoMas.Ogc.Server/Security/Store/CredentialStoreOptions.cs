namespace GeoMas.Ogc.Server.Security.Store;

/// <summary>
/// <c>security.store</c>: API keys and users kept in PostgreSQL tables (created if missing) besides those of the
/// configuration, read at start, then again on NOTIFY and every <see cref="RefreshSeconds"/>.
/// </summary>
public sealed class CredentialStoreOptions
{
    /// <summary>Npgsql connection string (<c>${VAR}</c> allowed); must reach the primary (the tables are written).</summary>
    public string? Postgres { get; set; }

    /// <summary>Schema of the tables <c>api_keys</c> and <c>users</c>.</summary>
    public string Schema { get; set; } = "geomas_security";

    /// <summary>Re-read period, a safety net for a lost NOTIFY (a revocation takes effect within it at worst).</summary>
    public int RefreshSeconds { get; set; } = 60;
}
