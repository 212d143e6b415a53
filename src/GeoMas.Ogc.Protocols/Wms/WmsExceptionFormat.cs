namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>How a GetMap error is reported (EXCEPTIONS, WMS130 §7.3.3.11, WMS-E1..E3).</summary>
public enum WmsExceptionFormat
{
    Xml,
    InImage,
    Blank,
}

public static class WmsExceptionFormats
{
    /// <summary>Reads the 1.3.0 names (XML, INIMAGE, BLANK) and the 1.1.1 MIME types (application/vnd.ogc.se_xml…); unknown → XML.</summary>
    public static WmsExceptionFormat Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "inimage" or "application/vnd.ogc.se_inimage" => WmsExceptionFormat.InImage,
        "blank" or "application/vnd.ogc.se_blank" => WmsExceptionFormat.Blank,
        _ => WmsExceptionFormat.Xml,
    };

    /// <summary>The names advertised in Capability/Exception/Format for a version.</summary>
    public static IReadOnlyList<string> Advertised(WmsVersion version) => version == WmsVersion.V130
        ? ["XML", "INIMAGE", "BLANK"]
        : ["application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank"];
}
