namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>The WFS versions GetFeature answers.</summary>
public static class WfsVersions
{
    public const string V200 = "2.0.0";
    public const string V110 = "1.1.0";
}
