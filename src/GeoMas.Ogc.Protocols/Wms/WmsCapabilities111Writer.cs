using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// WMS 1.1.1 capabilities (§1.9): WMT_MS_Capabilities with the WMS_MS_Capabilities.dtd DOCTYPE, no namespace,
/// SRS lists (no CRS:84), LatLonBoundingBox, Dimension + Extent, ScaleHint, MIME application/vnd.ogc.wms_xml.
/// </summary>
public sealed class WmsCapabilities111Writer(WmsCapabilitiesContext context)
{
    public const string ContentType = "application/vnd.ogc.wms_xml; charset=utf-8";
    private const string XlinkNs = "http://www.w3.org/1999/xlink";
    private static readonly WmsServiceSectionWriter SharedElements = new(null);

    // ScaleHint is the ground size of a pixel's diagonal, in metres, at the OGC 0.28 mm pixel.
    private static readonly double ScaleHintFactor = 0.00028 * Math.Sqrt(2);

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteDocTypeAsync("WMT_MS_Capabilities", null, "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd", null);
        await xml.WriteStartElementAsync(null, "WMT_MS_Capabilities", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "1.1.1");
        if (context.Snapshot.UpdateSequence.Length > 0)
            await xml.WriteAttributeStringAsync(null, "updateSequence", null, context.Snapshot.UpdateSequence);
        await WriteServiceAsync(xml);
        await WriteCapabilityAsync(xml, cancellationToken);
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private async Task WriteServiceAsync(XmlWriter xml)
    {
        var service = context.Snapshot.Service;
        await xml.WriteStartElementAsync(null, "Service", null);
        await Element(xml, "Name", "OGC:WMS");
        await Element(xml, "Title", service.Title);
        if (service.Abstract.Length > 0)
            await Element(xml, "Abstract", service.Abstract);
        await SharedElements.KeywordsAsync(xml, service.Keywords);
        await OnlineResourceAsync(xml, context.ServiceUrl);
        await SharedElements.ContactAsync(xml, service.Contact);
        await Element(xml, "Fees", service.Fees.Length > 0 ? service.Fees : "none");
        await Element(xml, "AccessConstraints", service.AccessConstraints.Length > 0 ? service.AccessConstraints : "none");
        await xml.WriteEndElementAsync();
    }

    private async Task WriteCapabilityAsync(XmlWriter xml, CancellationToken cancellationToken)
    {
        await xml.WriteStartElementAsync(null, "Capability", null);
        await xml.WriteStartElementAsync(null, "Request", null);
        await OperationAsync(xml, "GetCapabilities", ["application/vnd.ogc.wms_xml"]);
        await OperationAsync(xml, "GetMap", ImageFormat.All.Select(f => f.MimeType));
        await OperationAsync(xml, "GetFeatureInfo", FeatureInfoEncoders.All.Select(e => e.MimeType));
        await OperationAsync(xml, "GetLegendGraphic", WmsGetLegendGraphicParser.Formats);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "Exception", null);
        foreach (var format in WmsExceptionFormats.Advertised(WmsVersion.V111))
            await Element(xml, "Format", format);
        await xml.WriteEndElementAsync();

        var service = context.Snapshot.Service;
        var (geographic, boxes) = context.Extents.Union(context.PublishedLayers.Where(l => l.Kind != LayerKind.Group));
        await xml.WriteStartElementAsync(null, "Layer", null);
        await Element(xml, "Title", service.Title);
        if (service.Abstract.Length > 0)
            await Element(xml, "Abstract", service.Abstract);
        await SharedElements.KeywordsAsync(xml, service.Keywords);
        foreach (var crs in context.Extents.AdvertisedCrs)
            await Element(xml, "SRS", crs.ToShortForm());
        await ExtentsAsync(xml, geographic, boxes);
        foreach (var layer in context.PublishedLayers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteLayerAsync(xml, layer);
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private async Task WriteLayerAsync(XmlWriter xml, LayerDefinition layer)
    {
        await xml.WriteStartElementAsync(null, "Layer", null);
        await xml.WriteAttributeStringAsync(null, "queryable", null, context.IsQueryable(layer) ? "1" : "0");
        if (context.IsOpaque(layer))
            await xml.WriteAttributeStringAsync(null, "opaque", null, "1");
        await Element(xml, "Name", layer.Id);
        await Element(xml, "Title", layer.Title);
        var abstractText = WmsCapabilitiesContext.AbstractOf(layer);
        if (abstractText.Length > 0)
            await Element(xml, "Abstract", abstractText);
        await SharedElements.KeywordsAsync(xml, layer.Keywords);
        await ExtentsAsync(xml, context.Extents.Geographic(layer), context.Extents.BoundingBoxes(layer));
        if (WmsTimeDimension.Of(layer, context.Snapshot) is { } time)
        {
            await xml.WriteStartElementAsync(null, "Dimension", null);
            await xml.WriteAttributeStringAsync(null, "name", null, WmsTimeDimension.Name);
            await xml.WriteAttributeStringAsync(null, "units", null, WmsTimeDimension.Units);
            await xml.WriteEndElementAsync();
            await xml.WriteStartElementAsync(null, "Extent", null);
            await xml.WriteAttributeStringAsync(null, "name", null, WmsTimeDimension.Name);
            await xml.WriteAttributeStringAsync(null, "default", null, WmsTimeDimension.Default(time, context.Today));
            await xml.WriteAttributeStringAsync(null, "nearestValue", null, "0");
            await xml.WriteStringAsync(WmsTimeDimension.Extent(time, context.Today));
            await xml.WriteEndElementAsync();
        }
        if (layer.Kind != LayerKind.Group)
        {
            foreach (var style in layer.Styles)
                await StyleAsync(xml, layer, style);
        }
        if (layer.MinScaleDenominator is not null || layer.MaxScaleDenominator is not null)
        {
            await xml.WriteStartElementAsync(null, "ScaleHint", null);
            await xml.WriteAttributeStringAsync(null, "min", null, KvpParsers.Format((layer.MinScaleDenominator ?? 0) * ScaleHintFactor));
            await xml.WriteAttributeStringAsync(null, "max", null, KvpParsers.Format((layer.MaxScaleDenominator ?? double.MaxValue / 2) * ScaleHintFactor));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private async Task StyleAsync(XmlWriter xml, LayerDefinition layer, LayerStyle style)
    {
        await xml.WriteStartElementAsync(null, "Style", null);
        await Element(xml, "Name", style.Name);
        await Element(xml, "Title", style.Title.Length > 0 ? style.Title : style.Name);
        if (style.Abstract.Length > 0)
            await Element(xml, "Abstract", style.Abstract);
        var size = context.LegendSize(layer, style);
        await xml.WriteStartElementAsync(null, "LegendURL", null);
        await xml.WriteAttributeStringAsync(null, "width", null, Int(size.Width));
        await xml.WriteAttributeStringAsync(null, "height", null, Int(size.Height));
        await Element(xml, "Format", WmsCapabilitiesContext.LegendFormat);
        await OnlineResourceAsync(xml, context.LegendUrl(layer, style));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task ExtentsAsync(XmlWriter xml, NetTopologySuite.Geometries.Envelope geographic, IReadOnlyList<WmsBoundingBox> boxes)
    {
        await BoxAsync(xml, "LatLonBoundingBox", null, geographic);
        foreach (var box in boxes)
            await BoxAsync(xml, "BoundingBox", box.Crs.ToShortForm(), box.Extent);
    }

    // WMS 1.1.1 writes every box x/y (lon/lat for EPSG:4326).
    private static async Task BoxAsync(XmlWriter xml, string name, string? srs, NetTopologySuite.Geometries.Envelope extent)
    {
        await xml.WriteStartElementAsync(null, name, null);
        if (srs is not null)
            await xml.WriteAttributeStringAsync(null, "SRS", null, srs);
        var (a1min, a2min, a1max, a2max) = AxisSwap.FromXY(extent, AxisOrder.EastNorth);
        await xml.WriteAttributeStringAsync(null, "minx", null, KvpParsers.Format(a1min));
        await xml.WriteAttributeStringAsync(null, "miny", null, KvpParsers.Format(a2min));
        await xml.WriteAttributeStringAsync(null, "maxx", null, KvpParsers.Format(a1max));
        await xml.WriteAttributeStringAsync(null, "maxy", null, KvpParsers.Format(a2max));
        await xml.WriteEndElementAsync();
    }

    private async Task OperationAsync(XmlWriter xml, string name, IEnumerable<string> formats)
    {
        await xml.WriteStartElementAsync(null, name, null);
        foreach (var format in formats)
            await Element(xml, "Format", format);
        await xml.WriteStartElementAsync(null, "DCPType", null);
        await xml.WriteStartElementAsync(null, "HTTP", null);
        await xml.WriteStartElementAsync(null, "Get", null);
        await OnlineResourceAsync(xml, context.ServiceUrl);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    // The DTD declares xmlns:xlink on OnlineResource itself (not on the root), so XmlWriter's local declaration is right.
    private static async Task OnlineResourceAsync(XmlWriter xml, string href)
    {
        await xml.WriteStartElementAsync(null, "OnlineResource", null);
        await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
        await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, href);
        await xml.WriteEndElementAsync();
    }

    private static Task Element(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync(null, name, null, value);

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
