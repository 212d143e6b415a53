namespace GeoMas.Ogc.Server.Security.Store;

/// <summary>The keys and users read from the credential store, already validated (malformed rows are left out).</summary>
public sealed record StoredCredentials(IReadOnlyList<ApiKeyEntry> ApiKeys, IReadOnlyList<UserEntry> Users)
{
    public static StoredCredentials None { get; } = new([], []);
}
