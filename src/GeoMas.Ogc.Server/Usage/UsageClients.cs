using System.Net;
using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// "Connections per day per application" for the steering committee. An application is what the caller came
/// through: an API key is one application (the Geotrek key, a web map's key: <c>key:geotrek</c>); people who sign
/// in come through QGIS with Basic (<c>basic</c>) or a départemental portal with a token (<c>oidc</c>); the rest is
/// the public site (<c>public</c>). A client is the person when there is one (user or token subject), otherwise the
/// address (many devices share a key): only a 64-bit hash enters the sketch, no address is stored.
/// </summary>
public static class UsageClients
{
    public const string Public = "public";
    public const string Basic = "basic";
    public const string OpenIdConnect = "oidc";

    public static string ApplicationOf(AccessPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.Id;
        if (principal.IsAnonymous)
            return Public;
        if (id.StartsWith("key:", StringComparison.Ordinal))
            return id;
        if (id.StartsWith("user:", StringComparison.Ordinal))
            return Basic;
        return id.StartsWith("jwt:", StringComparison.Ordinal) ? OpenIdConnect : id;
    }

    public static ulong ClientOf(AccessPrincipal principal, IPAddress? remote)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!principal.IsAnonymous && !principal.Id.StartsWith("key:", StringComparison.Ordinal))
            return StableHash.Of(principal.Id);
        return remote is null ? StableHash.Of("local") : StableHash.Of(remote);
    }
}
