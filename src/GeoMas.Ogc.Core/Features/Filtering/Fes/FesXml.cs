using System.Xml;
using System.Xml.Linq;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>Small helpers over the loaded filter element: errors with line/column, filter and GML children.</summary>
internal static class FesXml
{
    public static FilterParseException Error(XObject at, string message, string locator = "filter")
    {
        var info = (IXmlLineInfo)at;
        return info.HasLineInfo()
            ? new FilterParseException(message, locator, line: info.LineNumber, column: info.LinePosition)
            : new FilterParseException(message, locator);
    }

    public static IEnumerable<XElement> Children(XElement e) => e.Elements();

    public static bool IsFilter(XElement e, string localName) =>
        e.Name.LocalName == localName && FesNamespaces.IsFilter(e.Name.NamespaceName);

    public static bool IsGml(XElement e, string localName) =>
        e.Name.LocalName == localName && FesNamespaces.IsGml(e.Name.NamespaceName);

    public static XElement? GmlChild(XElement e, string localName) => e.Elements().FirstOrDefault(c => IsGml(c, localName));

    public static IEnumerable<XElement> GmlChildren(XElement e, string localName) => e.Elements().Where(c => IsGml(c, localName));

    /// <summary>An attribute without namespace, or in the GML namespace (gml:id).</summary>
    public static string? Attribute(XElement e, string localName) =>
        e.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && (a.Name.Namespace == XNamespace.None || FesNamespaces.IsGml(a.Name.NamespaceName)))?.Value;

    public static string Display(XElement e) => e.Name.LocalName;
}
