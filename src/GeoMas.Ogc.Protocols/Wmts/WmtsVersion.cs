namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>The one WMTS version served; REST paths carry it as their first segment.</summary>
public static class WmtsVersion
{
    public const string Current = "1.0.0";
}
