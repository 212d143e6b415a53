using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// WMS 1.3.0 capabilities (WMS-C1..C6, L1..L6, D1), streamed with an async XmlWriter, valid against
/// capabilities_1_3_0.xsd (+ sld_capabilities.xsd for the GetLegendGraphic extended operation).
/// </summary>
public sealed class WmsCapabilities130Writer(WmsCapabilitiesContext context)
{
    public const string ContentType = "text/xml; charset=utf-8";
    private const string Ns = "http://www.opengis.net/wms";
    private const string SldNs = "http://www.opengis.net/sld";
    private const string XlinkNs = "http://www.w3.org/1999/xlink";
    private static readonly WmsServiceSectionWriter SharedElements = new(Ns);
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "WMS_Capabilities", Ns);
        await xml.WriteAttributeStringAsync(null, "version", null, "1.3.0");
        if (context.Snapshot.UpdateSequence.Length > 0)
            await xml.WriteAttributeStringAsync(null, "updateSequence", null, context.Snapshot.UpdateSequence);
        await xml.WriteAttributeStringAsync("xmlns", "xlink", null, XlinkNs);
        await xml.WriteAttributeStringAsync("xmlns", "sld", null, SldNs);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs,
            Ns + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
            + SldNs + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        await WriteServiceAsync(xml);
        await WriteCapabilityAsync(xml, cancellationToken);
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private async Task WriteServiceAsync(XmlWriter xml)
    {
        var service = context.Snapshot.Service;
        var limits = context.Snapshot.Limits;
        await xml.WriteStartElementAsync(null, "Service", Ns);
        await Element(xml, "Name", "WMS");
        await Element(xml, "Title", service.Title);
        if (service.Abstract.Length > 0)
            await Element(xml, "Abstract", service.Abstract);
        await SharedElements.KeywordsAsync(xml, service.Keywords);
        await OnlineResourceAsync(xml, "OnlineResource", context.ServiceUrl);
        await SharedElements.ContactAsync(xml, service.Contact);
        await Element(xml, "Fees", service.Fees.Length > 0 ? service.Fees : "none");
        await Element(xml, "AccessConstraints", service.AccessConstraints.Length > 0 ? service.AccessConstraints : "none");
        await Element(xml, "LayerLimit", Int(limits.LayerLimit));
        await Element(xml, "MaxWidth", Int(limits.MaxWidth));
        await Element(xml, "MaxHeight", Int(limits.MaxHeight));
        await xml.WriteEndElementAsync();
    }

    private async Task WriteCapabilityAsync(XmlWriter xml, CancellationToken cancellationToken)
    {
        await xml.WriteStartElementAsync(null, "Capability", Ns);
        await xml.WriteStartElementAsync(null, "Request", Ns);
        await OperationAsync(xml, null, "GetCapabilities", ["text/xml"]);
        await OperationAsync(xml, null, "GetMap", ImageFormat.All.Select(f => f.MimeType));
        await OperationAsync(xml, null, "GetFeatureInfo", FeatureInfoEncoders.All.Select(e => e.MimeType));
        await OperationAsync(xml, "sld", "GetLegendGraphic", WmsGetLegendGraphicParser.Formats);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "Exception", Ns);
        foreach (var format in WmsExceptionFormats.Advertised(WmsVersion.V130))
            await Element(xml, "Format", format);
        await xml.WriteEndElementAsync();
        await WriteRootLayerAsync(xml, cancellationToken);
        await xml.WriteEndElementAsync();
    }

    private async Task WriteRootLayerAsync(XmlWriter xml, CancellationToken cancellationToken)
    {
        var service = context.Snapshot.Service;
        var (geographic, boxes) = context.Extents.Union(context.PublishedLayers.Where(l => l.Kind != LayerKind.Group));
        await xml.WriteStartElementAsync(null, "Layer", Ns);
        await Element(xml, "Title", service.Title);
        if (service.Abstract.Length > 0)
            await Element(xml, "Abstract", service.Abstract);
        await SharedElements.KeywordsAsync(xml, service.Keywords);
        foreach (var crs in context.Extents.AdvertisedCrs)
            await Element(xml, "CRS", crs.ToShortForm());
        await ExtentsAsync(xml, geographic, boxes);
        foreach (var layer in context.PublishedLayers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteLayerAsync(xml, layer);
        }
        await xml.WriteEndElementAsync();
    }

    private async Task WriteLayerAsync(XmlWriter xml, LayerDefinition layer)
    {
        await xml.WriteStartElementAsync(null, "Layer", Ns);
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
            await xml.WriteStartElementAsync(null, "Dimension", Ns);
            await xml.WriteAttributeStringAsync(null, "name", null, WmsTimeDimension.Name);
            await xml.WriteAttributeStringAsync(null, "units", null, WmsTimeDimension.Units);
            await xml.WriteAttributeStringAsync(null, "default", null, WmsTimeDimension.Default(time, context.Today));
            await xml.WriteAttributeStringAsync(null, "nearestValue", null, "0");
            await xml.WriteAttributeStringAsync(null, "current", null, "1");
            await xml.WriteStringAsync(WmsTimeDimension.Extent(time, context.Today));
            await xml.WriteEndElementAsync();
        }
        if (layer.Kind != LayerKind.Group)
        {
            foreach (var style in layer.Styles)
                await StyleAsync(xml, layer, style);
        }
        if (layer.MinScaleDenominator is { } min)
            await Element(xml, "MinScaleDenominator", KvpParsers.Format(min));
        if (layer.MaxScaleDenominator is { } max)
            await Element(xml, "MaxScaleDenominator", KvpParsers.Format(max));
        await xml.WriteEndElementAsync();
    }

    private async Task StyleAsync(XmlWriter xml, LayerDefinition layer, LayerStyle style)
    {
        await xml.WriteStartElementAsync(null, "Style", Ns);
        await Element(xml, "Name", style.Name);
        await Element(xml, "Title", style.Title.Length > 0 ? style.Title : style.Name);
        if (style.Abstract.Length > 0)
            await Element(xml, "Abstract", style.Abstract);
        var size = context.LegendSize(layer, style);
        await xml.WriteStartElementAsync(null, "LegendURL", Ns);
        await xml.WriteAttributeStringAsync(null, "width", null, Int(size.Width));
        await xml.WriteAttributeStringAsync(null, "height", null, Int(size.Height));
        await Element(xml, "Format", WmsCapabilitiesContext.LegendFormat);
        await OnlineResourceAsync(xml, "OnlineResource", context.LegendUrl(layer, style));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task ExtentsAsync(XmlWriter xml, NetTopologySuite.Geometries.Envelope geographic, IReadOnlyList<WmsBoundingBox> boxes)
    {
        await xml.WriteStartElementAsync(null, "EX_GeographicBoundingBox", Ns);
        await Element(xml, "westBoundLongitude", KvpParsers.Format(geographic.MinX));
        await Element(xml, "eastBoundLongitude", KvpParsers.Format(geographic.MaxX));
        await Element(xml, "southBoundLatitude", KvpParsers.Format(geographic.MinY));
        await Element(xml, "northBoundLatitude", KvpParsers.Format(geographic.MaxY));
        await xml.WriteEndElementAsync();
        foreach (var box in boxes)
        {
            var (a1min, a2min, a1max, a2max) = AxisSwap.FromXY(box.Extent, AxisOrderRules.For(box.Crs, AxisContext.Wms130));
            await xml.WriteStartElementAsync(null, "BoundingBox", Ns);
            await xml.WriteAttributeStringAsync(null, "CRS", null, box.Crs.ToShortForm());
            await xml.WriteAttributeStringAsync(null, "minx", null, KvpParsers.Format(a1min));
            await xml.WriteAttributeStringAsync(null, "miny", null, KvpParsers.Format(a2min));
            await xml.WriteAttributeStringAsync(null, "maxx", null, KvpParsers.Format(a1max));
            await xml.WriteAttributeStringAsync(null, "maxy", null, KvpParsers.Format(a2max));
            await xml.WriteEndElementAsync();
        }
    }

    private async Task OperationAsync(XmlWriter xml, string? prefix, string name, IEnumerable<string> formats)
    {
        if (prefix is null)
            await xml.WriteStartElementAsync(null, name, Ns);
        else
            await xml.WriteStartElementAsync(prefix, name, SldNs);
        foreach (var format in formats)
            await Element(xml, "Format", format);
        await xml.WriteStartElementAsync(null, "DCPType", Ns);
        await xml.WriteStartElementAsync(null, "HTTP", Ns);
        await xml.WriteStartElementAsync(null, "Get", Ns);
        await OnlineResourceAsync(xml, "OnlineResource", context.ServiceUrl);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task OnlineResourceAsync(XmlWriter xml, string name, string href)
    {
        await xml.WriteStartElementAsync(null, name, Ns);
        await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
        await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, href);
        await xml.WriteEndElementAsync();
    }

    private static Task Element(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync(null, name, Ns, value);

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
