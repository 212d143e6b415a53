using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// The principal of the request being served, flowing with the async context from <see cref="SecurityMiddleware"/>
/// down to every service. Null outside requests (seeding, invalidation, CLI verbs): those work on the whole catalog.
/// </summary>
public static class AccessContext
{
    private static readonly AsyncLocal<AccessPrincipal?> Principal = new();

    public static AccessPrincipal? Current
    {
        get => Principal.Value;
        set => Principal.Value = value;
    }
}
