namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// Who asks, as the authorisation rules see it: an id ("anonymous", "key:geotrek", "user:alice", "jwt:&lt;sub&gt;"),
/// the partner they act for and their roles. Authentication schemes map their claims onto this; rules never see claims.
/// </summary>
public sealed record AccessPrincipal
{
    public const string AnonymousId = "anonymous";

    public AccessPrincipal(string id, string? partner, IEnumerable<string> roles)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        Partner = string.IsNullOrEmpty(partner) ? null : partner;
        Roles = new SortedSet<string>(roles, StringComparer.Ordinal);
    }

    public static AccessPrincipal Anonymous { get; } = new(AnonymousId, null, []);

    public string Id { get; }
    public string? Partner { get; }
    public IReadOnlySet<string> Roles { get; }

    public bool IsAnonymous => Id == AnonymousId;
}
