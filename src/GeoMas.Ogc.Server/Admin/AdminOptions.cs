namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// The <c>admin</c> section: the operator endpoints (seed, truncate, jobs, usage export). Off unless
/// <see cref="Enabled"/>. Who may call them is decided by <see cref="AdminAccess"/>: a caller with
/// <see cref="RequireRole"/> (API key, Basic user or token), or one presenting <see cref="Token"/>; with neither
/// configured, anonymous loopback callers (the operator on the machine), as before authentication existed.
/// </summary>
public sealed class AdminOptions
{
    public bool Enabled { get; set; }

    /// <summary>Accept admin callers from other hosts than loopback (they still need credentials).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>The role an authenticated caller needs (security.apiKeys / users / token roles).</summary>
    public string RequireRole { get; set; } = "admin";

    /// <summary>
    /// A shared secret accepted as <c>Authorization: Bearer &lt;token&gt;</c>, for installations without a security
    /// section (write <c>${GEOMAS_ADMIN_TOKEN}</c>: the value is read from the environment, never committed).
    /// </summary>
    public string? Token { get; set; }
}
