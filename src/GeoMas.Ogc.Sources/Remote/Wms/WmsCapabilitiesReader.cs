using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Sources.Remote.Wms;

/// <summary>
/// Reads an upstream WMS 1.3.0 or 1.1.1 capabilities document (DTD off: 1.1.1 documents name a DTD) and checks that
/// every configured layer exists and offers the configured CRS (CRS/SRS lists are inherited down the layer tree).
/// </summary>
public static class WmsCapabilitiesReader
{
    private const string XLink = "http://www.w3.org/1999/xlink";

    /// <exception cref="FormatException">Not WMS capabilities, or a layer is missing or lacks the CRS.</exception>
    public static WmsUpstreamCapabilities Read(Stream stream, IReadOnlyList<string> layers, int srid)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(layers);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, RemoteXml.Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException("the capabilities are not well-formed XML: " + e.Message, e);
        }
        var root = document.Root!;
        if (root.Name.LocalName is not ("WMS_Capabilities" or "WMT_MS_Capabilities"))
            throw new FormatException(root.Name.LocalName is "ServiceExceptionReport" or "ExceptionReport"
                ? "GetCapabilities failed: " + OgcExceptionReport.Describe(System.Text.Encoding.UTF8.GetBytes(root.ToString()))
                : $"the document is not WMS capabilities (root element '{root.Name.LocalName}')");
        var ns = root.Name.Namespace;
        var version = (string?)root.Attribute("version") ?? "";
        var capability = root.Element(ns + "Capability") ?? throw new FormatException("the capabilities have no Capability section");
        var getMap = capability.Element(ns + "Request")?.Element(ns + "GetMap");
        var href = getMap?.Descendants(ns + "Get").Select(g => (string?)g.Element(ns + "OnlineResource")?.Attribute(XName.Get("href", XLink))).FirstOrDefault(h => h is not null);
        Uri.TryCreate(href, UriKind.Absolute, out var getMapUrl);
        var formats = getMap?.Elements(ns + "Format").Select(f => f.Value.Trim()).ToList() ?? [];

        var wanted = CrsIdentifier.Epsg(srid);
        foreach (var name in layers)
        {
            var layer = capability.Descendants(ns + "Layer").FirstOrDefault(l => (string?)l.Element(ns + "Name") == name)
                        ?? throw new FormatException($"the upstream has no layer '{name}'");
            var offered = layer.AncestorsAndSelf(ns + "Layer")
                .SelectMany(l => l.Elements(ns + "CRS").Concat(l.Elements(ns + "SRS")))
                .SelectMany(e => e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (!offered.Any(text => CrsIdentifier.TryParse(text, out var crs) && crs.DenotesSameCrs(wanted)))
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"layer '{name}' is not offered in EPSG:{srid}"));
        }
        var service = root.Element(ns + "Service");
        return new WmsUpstreamCapabilities(version, getMapUrl, formats, Int(service?.Element(ns + "MaxWidth")), Int(service?.Element(ns + "MaxHeight")));
    }

    private static int? Int(XElement? element) =>
        int.TryParse(element?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
