namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// The <c>security</c> section. Without one, every layer is public and only anonymous access exists (the embedded
/// default). Keys, users, restricted layers and rules may also come from <see cref="Files"/> (secret files, a
/// rules file), which are watched and hot-reloaded; the section itself is read at start.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>Layers (or groups) denied unless a rule allows them.</summary>
    public List<string> RestrictedLayers { get; set; } = [];
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
    public List<UserOptions> Users { get; set; } = [];
    public List<RuleOptions> Rules { get; set; } = [];
    /// <summary>Accept HTTP Basic against <see cref="Users"/> (for QGIS); off by default.</summary>
    public bool Basic { get; set; }
    /// <summary>Realm of the Basic challenge.</summary>
    public string Realm { get; set; } = "GeoMas";
    public JwtOptions? Jwt { get; set; }
    /// <summary>JSON files with apiKeys/users/restrictedLayers/rules merged into this section; relative to the config folder.</summary>
    public List<string> Files { get; set; } = [];
    /// <summary>API keys and users in PostgreSQL besides those above (<c>security.store.postgres</c>).</summary>
    public Store.CredentialStoreOptions? Store { get; set; }
}

public sealed class ApiKeyOptions
{
    public string Id { get; set; } = "";
    /// <summary>"sha256:&lt;hex&gt;" of the key (<c>geomas apikey</c> prints both).</summary>
    public string Hash { get; set; } = "";
    public string? Partner { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool Revoked { get; set; }
    /// <summary>A bulk tile client (offline sync): cache hits at full speed, cache misses in the small bulk render lane.</summary>
    public bool Bulk { get; set; }
}

public sealed class UserOptions
{
    public string Name { get; set; } = "";
    /// <summary>"pbkdf2-sha256$iterations$salt$hash" (<c>geomas hash-password</c>).</summary>
    public string PasswordHash { get; set; } = "";
    public string? Partner { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool Disabled { get; set; }
}

public sealed class JwtOptions
{
    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";
    /// <summary>JWKS document URL of the identity provider (fetched and cached; refreshed on an unknown key id).</summary>
    public string? JwksUrl { get; set; }
    /// <summary>A JWKS document on disk instead of a URL (relative to the config folder).</summary>
    public string? JwksFile { get; set; }
    public string PartnerClaim { get; set; } = "partner";
    public string RolesClaim { get; set; } = "roles";
    public int ClockSkewSeconds { get; set; } = 60;
}

public sealed class RuleOptions
{
    public string? Name { get; set; }
    public List<string> Layers { get; set; } = [];
    public List<string> Principals { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public List<string> Partners { get; set; } = [];
    /// <summary>"allow" or "deny".</summary>
    public string Effect { get; set; } = "allow";
    public TerritoryOptions? Territory { get; set; }
    public List<string>? Attributes { get; set; }
}

/// <summary>A territory: WKT in <see cref="Srid"/>, or the union of the features of <see cref="Layer"/> whose <see cref="Property"/> is one of <see cref="Values"/>.</summary>
public sealed class TerritoryOptions
{
    public string? Wkt { get; set; }
    public int Srid { get; set; } = 2154;
    public string? Layer { get; set; }
    public string? Property { get; set; }
    public List<string> Values { get; set; } = [];
}
