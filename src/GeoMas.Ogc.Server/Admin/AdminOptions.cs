namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// The <c>admin</c> section. The endpoints have no authentication yet (issue 6 brings it): they are off unless
/// <see cref="Enabled"/>, and answer loopback callers only unless <see cref="AllowRemote"/>.
/// </summary>
public sealed class AdminOptions
{
    public bool Enabled { get; set; }

    public bool AllowRemote { get; set; }
}
