using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Sources.Remote.Wmts;

/// <summary>
/// Streams an upstream WMTS 1.0.0 capabilities document (XmlReader, DTD off) and keeps only what the cascade needs:
/// the configured layer, the configured tile matrix set with its matrices, and the KVP GetTile endpoint. Each Layer,
/// TileMatrixSet and Operation element is materialised alone, so national capabilities (thousands of layers) stay cheap.
/// </summary>
public static class WmtsCapabilitiesReader
{
    private const string Ows = "http://www.opengis.net/ows/1.1";
    private const string Wmts = "http://www.opengis.net/wmts/1.0";
    private const string XLink = "http://www.w3.org/1999/xlink";

    /// <exception cref="FormatException">The document is not WMTS capabilities, or the layer or matrix set is unusable.</exception>
    public static WmtsUpstreamCapabilities Read(Stream stream, string layer, string tileMatrixSet, CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(crs);
        XElement? layerElement = null;
        XElement? setElement = null;
        Uri? kvp = null;
        try
        {
            using var reader = XmlReader.Create(stream, RemoteXml.Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Capabilities")
                throw new FormatException($"the document is not WMTS capabilities (root element '{reader.LocalName}')");
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "Contents" or "OperationsMetadata" when reader.Depth == 1:
                        reader.Read();
                        break;
                    case "Layer" when reader.Depth == 2:
                        var candidate = (XElement)XNode.ReadFrom(reader);
                        if (layerElement is null && Identifier(candidate) == layer)
                            layerElement = candidate;
                        break;
                    case "TileMatrixSet" when reader.Depth == 2:
                        var set = (XElement)XNode.ReadFrom(reader);
                        if (setElement is null && Identifier(set) == tileMatrixSet)
                            setElement = set;
                        break;
                    case "Operation" when reader.Depth == 2:
                        var operation = (XElement)XNode.ReadFrom(reader);
                        if ((string?)operation.Attribute("name") == "GetTile")
                            kvp = KvpEndpoint(operation);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new FormatException("the capabilities are not well-formed XML: " + e.Message, e);
        }

        if (layerElement is null)
            throw new FormatException($"the upstream has no layer '{layer}'");
        var styles = layerElement.Elements(Name("Style")).ToList();
        var linked = layerElement.Elements(Name("TileMatrixSetLink")).Select(l => (string?)l.Element(Name("TileMatrixSet")) ?? "").ToList();
        if (!linked.Contains(tileMatrixSet))
            throw new FormatException($"layer '{layer}' is not offered in tile matrix set '{tileMatrixSet}' (it is in: {string.Join(", ", linked)})");
        if (setElement is null)
            throw new FormatException($"the upstream defines no tile matrix set '{tileMatrixSet}'");
        return new WmtsUpstreamCapabilities(
            layer,
            styles.Select(s => Identifier(s) ?? "").Where(s => s.Length > 0).ToList(),
            styles.Where(s => (string?)s.Attribute("isDefault") is "true" or "1").Select(Identifier).FirstOrDefault(),
            layerElement.Elements(Name("Format")).Select(f => f.Value.Trim()).ToList(),
            linked,
            layerElement.Elements(Name("ResourceURL"))
                .Where(r => (string?)r.Attribute("resourceType") == "tile")
                .Select(r => new WmtsResourceTemplate((string?)r.Attribute("format") ?? "", (string?)r.Attribute("template") ?? ""))
                .Where(r => r.Template.Length > 0)
                .ToList(),
            MatrixSet(setElement, crs),
            kvp);
    }

    private static WmtsUpstreamMatrixSet MatrixSet(XElement set, CrsRegistry crs)
    {
        var id = Identifier(set)!;
        var crsText = (string?)set.Element(XName.Get("SupportedCRS", Ows))?.Value.Trim();
        if (!CrsIdentifier.TryParse(crsText, out var crsId) || !crs.IsSupported(crsId.Srid))
            throw new FormatException($"tile matrix set '{id}' is in CRS '{crsText}', which is not supported");
        var metersPerUnit = crs.MetersPerUnit(crsId.Srid);
        var northFirst = AxisOrderRules.For(crsId, AxisContext.Wmts) == AxisOrder.NorthEast;
        var matrices = new List<WmtsUpstreamMatrix>();
        foreach (var m in set.Elements(Name("TileMatrix")))
        {
            var matrixId = Identifier(m) ?? throw new FormatException($"a tile matrix of '{id}' has no identifier");
            var scale = Number(m, "ScaleDenominator", matrixId);
            var corner = ((string?)m.Element(Name("TopLeftCorner")) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (corner.Length != 2
                || !double.TryParse(corner[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                || !double.TryParse(corner[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
                throw new FormatException($"tile matrix '{matrixId}' has no valid TopLeftCorner");
            // WMTS 1.0.0 §6.1: the standardized rendering pixel is 0.28 mm.
            var resolution = scale * 0.00028 / metersPerUnit;
            matrices.Add(new WmtsUpstreamMatrix(
                matrixId, scale, resolution, northFirst ? b : a, northFirst ? a : b,
                (int)Number(m, "TileWidth", matrixId), (int)Number(m, "TileHeight", matrixId),
                (long)Number(m, "MatrixWidth", matrixId), (long)Number(m, "MatrixHeight", matrixId)));
        }
        if (matrices.Count == 0)
            throw new FormatException($"tile matrix set '{id}' has no tile matrix");
        return new WmtsUpstreamMatrixSet(id, crsId.Srid, matrices.OrderByDescending(m => m.Resolution).ToList());
    }

    private static Uri? KvpEndpoint(XElement operation)
    {
        foreach (var get in operation.Descendants(XName.Get("Get", Ows)))
        {
            var encodings = get.Descendants(XName.Get("Value", Ows)).Select(v => v.Value.Trim()).ToList();
            if (encodings.Count > 0 && !encodings.Contains("KVP", StringComparer.OrdinalIgnoreCase))
                continue;
            if (Uri.TryCreate((string?)get.Attribute(XName.Get("href", XLink)), UriKind.Absolute, out var href))
                return href;
        }
        return null;
    }

    private static double Number(XElement matrix, string name, string matrixId) =>
        double.TryParse((string?)matrix.Element(Name(name)), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"tile matrix '{matrixId}' has no valid {name}");

    private static string? Identifier(XElement element) => element.Element(XName.Get("Identifier", Ows))?.Value.Trim();

    private static XName Name(string local) => XName.Get(local, Wmts);
}
