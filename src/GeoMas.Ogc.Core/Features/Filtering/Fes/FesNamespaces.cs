using System.Xml;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>Namespaces of FES 2.0, of the FES 1.1 "ogc" filter (WFS 1.1 clients) and of GML 3.2 / 3.1.</summary>
internal static class FesNamespaces
{
    public const string Fes20 = "http://www.opengis.net/fes/2.0";
    public const string Ogc = "http://www.opengis.net/ogc";
    public const string Gml32 = "http://www.opengis.net/gml/3.2";
    public const string Gml = "http://www.opengis.net/gml";

    /// <summary>Filter elements may be in either filter namespace, or in none (KVP filters written by hand).</summary>
    public static bool IsFilter(string ns) => ns is Fes20 or Ogc or "";

    public static bool IsGml(string ns) => ns is Gml32 or Gml or "";

    /// <summary>
    /// Prefixes predeclared for KVP filters: clients often send <c>&lt;fes:Filter&gt;</c> without the xmlns
    /// declarations (they sit on the request element of the XML encoding). Declarations in the text win.
    /// </summary>
    public static XmlParserContext Context(XmlNameTable names)
    {
        var manager = new XmlNamespaceManager(names);
        manager.AddNamespace("fes", Fes20);
        manager.AddNamespace("ogc", Ogc);
        manager.AddNamespace("gml", Gml32);
        manager.AddNamespace("xlink", "http://www.w3.org/1999/xlink");
        return new XmlParserContext(names, manager, null, XmlSpace.None);
    }
}
