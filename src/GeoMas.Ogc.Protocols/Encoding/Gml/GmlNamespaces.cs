namespace GeoMas.Ogc.Protocols.Encoding.Gml;

/// <summary>Namespaces of the GML feature encodings and of GeoMas's application schema (the <c>geomas:</c> feature types).</summary>
public static class GmlNamespaces
{
    /// <summary>GML 3.2 (WFS 2.0).</summary>
    public const string Gml32 = "http://www.opengis.net/gml/3.2";

    /// <summary>GML 3.1.1 and GML 2 (WFS 1.1 / 1.0, WMS GetFeatureInfo).</summary>
    public const string Gml31 = "http://www.opengis.net/gml";

    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Prefix of the published feature types (<c>geomas:parcelles</c>, WFS-C6).</summary>
    public const string AppPrefix = "geomas";

    /// <summary>Target namespace of the application schema DescribeFeatureType serves (the one GetFeatureInfo's GML uses).</summary>
    public const string App = GmlFeatureInfoEncoder.FeatureNamespace;
}
