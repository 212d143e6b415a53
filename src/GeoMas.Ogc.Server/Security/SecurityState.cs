using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Server.Security;

/// <summary>One validated generation of the security configuration: compiled rules and the credential stores.</summary>
public sealed record SecurityState(AccessRuleSet Rules, IReadOnlyList<ApiKeyEntry> ApiKeys, IReadOnlyDictionary<string, UserEntry> Users, SecurityOptions Options)
{
    public static SecurityState Open { get; } = new(AccessRuleSet.Open, [], new Dictionary<string, UserEntry>(), new SecurityOptions());
}

/// <summary>An API key as stored: only the SHA-256 digest of the key.</summary>
public sealed record ApiKeyEntry(string Id, byte[] Digest, string? Partner, IReadOnlyList<string> Roles, bool Revoked)
{
    /// <summary>A bulk tile client (<see cref="ApiKeyOptions.Bulk"/>).</summary>
    public bool Bulk { get; init; }
}

public sealed record UserEntry(string Name, string PasswordHash, string? Partner, IReadOnlyList<string> Roles, bool Disabled);
