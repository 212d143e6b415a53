using System.Security.Claims;
using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Server.Security;

/// <summary>The claims every GeoMas authentication scheme sets, and their mapping onto an <see cref="AccessPrincipal"/>.</summary>
public static class SecurityClaims
{
    public const string Id = "geomas:id";
    public const string Partner = "geomas:partner";
    public const string Role = "geomas:role";
    /// <summary>Present ("true") on bulk tile clients (an API key with <c>bulk: true</c>).</summary>
    public const string Bulk = "geomas:bulk";

    public static ClaimsPrincipal Create(string scheme, string id, string? partner, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(scheme, Id, Role);
        Add(identity, id, partner, roles);
        return new ClaimsPrincipal(identity);
    }

    public static void Add(ClaimsIdentity identity, string id, string? partner, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.AddClaim(new Claim(Id, id));
        if (!string.IsNullOrEmpty(partner))
            identity.AddClaim(new Claim(Partner, partner));
        // Materialised first: the roles may be read from this very identity (JWT claims).
        foreach (var role in roles.ToList())
            identity.AddClaim(new Claim(Role, role));
    }

    /// <summary>The rules' view of an authenticated user (anonymous when the principal carries no GeoMas id).</summary>
    public static AccessPrincipal ToAccessPrincipal(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(Id)?.Value;
        if (user is null || string.IsNullOrEmpty(id))
            return AccessPrincipal.Anonymous;
        return new AccessPrincipal(id, user.FindFirst(Partner)?.Value, user.FindAll(Role).Select(c => c.Value));
    }
}
