using System.Globalization;
using System.Xml;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Wms;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// WMTS 1.0.0 capabilities (WMTS-A1..A10, B1..B3), streamed with an async XmlWriter, valid against
/// wmtsGetCapabilities_response.xsd (OWS 1.1). KVP and REST serve the same document. Operations carry one KVP Get
/// each: the ETS reads <c>ows:Get/@xlink:href</c> as a single value and appends parameters to it (WMTS-A7); the
/// RESTful binding is advertised the way the standard defines it, by ResourceURL templates and ServiceMetadataURL.
/// No WellKnownScaleSet is written: the ETS would then demand registry-exact scales and URN spellings (WMTS-A10).
/// </summary>
public sealed class WmtsCapabilitiesWriter(WmtsContents contents, ILegendRenderer legends, string baseUrl, WmtsCapabilitiesRequest request)
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string Ns = "http://www.opengis.net/wmts/1.0";
    private const string OwsNs = OwsExceptionReportWriter.Namespace;
    private const string XlinkNs = "http://www.w3.org/1999/xlink";
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly WmtsUrls _urls = new(baseUrl);

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "Capabilities", Ns);
        await xml.WriteAttributeStringAsync("xmlns", "ows", null, OwsNs);
        await xml.WriteAttributeStringAsync("xmlns", "xlink", null, XlinkNs);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs, Ns + " http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd");
        await xml.WriteAttributeStringAsync(null, "version", null, WmtsVersion.Current);
        if (contents.Snapshot.UpdateSequence.Length > 0)
            await xml.WriteAttributeStringAsync(null, "updateSequence", null, contents.Snapshot.UpdateSequence);
        if (!request.UpToDate)
        {
            var sections = request.Sections;
            if (sections.HasFlag(WmtsSections.ServiceIdentification))
                await ServiceIdentificationAsync(xml);
            if (sections.HasFlag(WmtsSections.ServiceProvider))
                await ServiceProviderAsync(xml);
            if (sections.HasFlag(WmtsSections.OperationsMetadata))
                await OperationsMetadataAsync(xml);
            if (sections.HasFlag(WmtsSections.Contents))
                await ContentsAsync(xml, cancellationToken);
            if (sections.HasFlag(WmtsSections.Themes))
                await ThemesAsync(xml);
            if (sections == WmtsSections.All)
                await OnlineResourceAsync(xml, null, "ServiceMetadataURL", Ns, _urls.ServiceMetadata);
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private async Task ServiceIdentificationAsync(XmlWriter xml)
    {
        var service = contents.Snapshot.Service;
        await xml.WriteStartElementAsync("ows", "ServiceIdentification", OwsNs);
        await DescriptionAsync(xml, service.Title, service.Abstract, service.Keywords);
        await Ows(xml, "ServiceType", "OGC WMTS");
        await Ows(xml, "ServiceTypeVersion", WmtsVersion.Current);
        await Ows(xml, "Fees", service.Fees.Length > 0 ? service.Fees : "none");
        await Ows(xml, "AccessConstraints", service.AccessConstraints.Length > 0 ? service.AccessConstraints : "none");
        await xml.WriteEndElementAsync();
    }

    private async Task ServiceProviderAsync(XmlWriter xml)
    {
        var service = contents.Snapshot.Service;
        var contact = service.Contact;
        await xml.WriteStartElementAsync("ows", "ServiceProvider", OwsNs);
        await Ows(xml, "ProviderName", contact.Organization.Length > 0 ? contact.Organization : service.Title);
        if (contact.Url.Length > 0)
            await OnlineResourceAsync(xml, "ows", "ProviderSite", OwsNs, contact.Url);
        await xml.WriteStartElementAsync("ows", "ServiceContact", OwsNs);
        if (contact.Person.Length > 0)
            await Ows(xml, "IndividualName", contact.Person);
        if (contact.Position.Length > 0)
            await Ows(xml, "PositionName", contact.Position);
        await xml.WriteStartElementAsync("ows", "ContactInfo", OwsNs);
        if (contact.Phone.Length > 0)
        {
            await xml.WriteStartElementAsync("ows", "Phone", OwsNs);
            await Ows(xml, "Voice", contact.Phone);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteStartElementAsync("ows", "Address", OwsNs);
        if (contact.Address.Length > 0)
            await Ows(xml, "DeliveryPoint", contact.Address);
        if (contact.City.Length > 0)
            await Ows(xml, "City", contact.City);
        if (contact.PostCode.Length > 0)
            await Ows(xml, "PostalCode", contact.PostCode);
        if (contact.Country.Length > 0)
            await Ows(xml, "Country", contact.Country);
        if (contact.Email.Length > 0)
            await Ows(xml, "ElectronicMailAddress", contact.Email);
        await xml.WriteEndElementAsync();
        if (contact.Url.Length > 0)
            await OnlineResourceAsync(xml, "ows", "OnlineResource", OwsNs, contact.Url);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private async Task OperationsMetadataAsync(XmlWriter xml)
    {
        await xml.WriteStartElementAsync("ows", "OperationsMetadata", OwsNs);
        await OperationAsync(xml, "GetCapabilities", ("AcceptFormats", ["application/xml"]));
        await OperationAsync(xml, "GetTile", null);
        if (contents.Layers.Any(contents.IsQueryable))
            await OperationAsync(xml, "GetFeatureInfo", null);
        await xml.WriteEndElementAsync();
    }

    private async Task OperationAsync(XmlWriter xml, string name, (string Name, string[] Values)? parameter)
    {
        await xml.WriteStartElementAsync("ows", "Operation", OwsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteStartElementAsync("ows", "DCP", OwsNs);
        await xml.WriteStartElementAsync("ows", "HTTP", OwsNs);
        await xml.WriteStartElementAsync("ows", "Get", OwsNs);
        await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
        await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, _urls.Kvp);
        await AllowedValuesAsync(xml, "Constraint", "GetEncoding", ["KVP"]);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        if (parameter is { } p)
            await AllowedValuesAsync(xml, "Parameter", p.Name, p.Values);
        await xml.WriteEndElementAsync();
    }

    private static async Task AllowedValuesAsync(XmlWriter xml, string element, string name, IEnumerable<string> values)
    {
        await xml.WriteStartElementAsync("ows", element, OwsNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteStartElementAsync("ows", "AllowedValues", OwsNs);
        foreach (var value in values)
            await Ows(xml, "Value", value);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private async Task ContentsAsync(XmlWriter xml, CancellationToken cancellationToken)
    {
        await xml.WriteStartElementAsync(null, "Contents", Ns);
        var linked = new List<TileMatrixSet>();
        foreach (var layer in contents.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var links = contents.Links(layer);
            await LayerAsync(xml, layer, links);
            foreach (var link in links)
            {
                if (!linked.Contains(link.TileMatrixSet))
                    linked.Add(link.TileMatrixSet);
            }
        }
        foreach (var tms in contents.TileMatrixSets.All.Where(linked.Contains))
            await TileMatrixSetAsync(xml, tms);
        await xml.WriteEndElementAsync();
    }

    private async Task LayerAsync(XmlWriter xml, LayerDefinition layer, IReadOnlyList<WmtsTileMatrixSetLink> links)
    {
        await xml.WriteStartElementAsync(null, "Layer", Ns);
        await DescriptionAsync(xml, layer.Title, WmsCapabilitiesContext.AbstractOf(layer), layer.Keywords);
        if (!layer.GeographicExtent.IsNull)
            await BoxAsync(xml, "WGS84BoundingBox", layer.GeographicExtent);
        await Ows(xml, "Identifier", layer.Id);
        foreach (var style in WmtsStyle.Of(layer))
            await StyleAsync(xml, layer, style);
        foreach (var format in contents.Formats(layer))
            await Element(xml, "Format", format.MimeType);
        var queryable = contents.IsQueryable(layer);
        if (queryable)
        {
            foreach (var format in WmtsInfoFormat.All)
                await Element(xml, "InfoFormat", format.MimeType);
        }
        var time = WmtsTimeDimension.Of(layer);
        if (time is not null)
            await TimeDimensionAsync(xml, time);
        foreach (var link in links)
            await TileMatrixSetLinkAsync(xml, link);
        foreach (var format in contents.Formats(layer))
            await ResourceUrlAsync(xml, format.MimeType, "tile", _urls.TileTemplate(layer.Id, time is not null, format.Extension));
        if (queryable)
        {
            foreach (var format in WmtsInfoFormat.All)
                await ResourceUrlAsync(xml, format.MimeType, "FeatureInfo", _urls.FeatureInfoTemplate(layer.Id, time is not null, format.Extension));
        }
        await xml.WriteEndElementAsync();
    }

    private async Task StyleAsync(XmlWriter xml, LayerDefinition layer, WmtsStyle style)
    {
        await xml.WriteStartElementAsync(null, "Style", Ns);
        if (style.IsDefault)
            await xml.WriteAttributeStringAsync(null, "isDefault", null, "true");
        await Ows(xml, "Title", style.Title);
        await Ows(xml, "Identifier", style.Identifier);
        if (style.Style is { } sld)
        {
            // The exact size GetLegendGraphic will draw (WMTS-A9), measured as the WMS capabilities do. Scale
            // attributes are left out: they would have to equal a ScaleDenominator of every linked set.
            var size = legends.Measure(new LegendRequest { Layer = layer, Style = sld, Format = ImageFormat.Png });
            await xml.WriteStartElementAsync(null, "LegendURL", Ns);
            await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
            await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, LegendUrl(layer, sld));
            await xml.WriteAttributeStringAsync(null, "format", null, WmsCapabilitiesContext.LegendFormat);
            await xml.WriteAttributeStringAsync(null, "width", null, Int(size.Width));
            await xml.WriteAttributeStringAsync(null, "height", null, Int(size.Height));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private string LegendUrl(LayerDefinition layer, LayerStyle style) =>
        $"{baseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT={Uri.EscapeDataString(WmsCapabilitiesContext.LegendFormat)}"
        + $"&LAYER={Uri.EscapeDataString(layer.Id)}&STYLE={Uri.EscapeDataString(style.Name)}";

    private async Task TimeDimensionAsync(XmlWriter xml, TimeDimension time)
    {
        await xml.WriteStartElementAsync(null, "Dimension", Ns);
        await Ows(xml, "Title", "Date of validity");
        await Ows(xml, "Identifier", WmtsTimeDimension.Identifier);
        await Ows(xml, "UOM", "ISO8601");
        await Element(xml, "Default", WmtsTimeDimension.Default(time, contents.Today));
        await Element(xml, "Current", "true");
        foreach (var value in WmtsTimeDimension.Values(time, contents.Today))
            await Element(xml, "Value", value);
        await xml.WriteEndElementAsync();
    }

    private static async Task TileMatrixSetLinkAsync(XmlWriter xml, WmtsTileMatrixSetLink link)
    {
        await xml.WriteStartElementAsync(null, "TileMatrixSetLink", Ns);
        await Element(xml, "TileMatrixSet", link.TileMatrixSet.Id);
        var published = link.PublishedLimits.ToList();
        if (published.Count > 0)
        {
            await xml.WriteStartElementAsync(null, "TileMatrixSetLimits", Ns);
            foreach (var limits in published)
            {
                await xml.WriteStartElementAsync(null, "TileMatrixLimits", Ns);
                await Element(xml, "TileMatrix", limits.TileMatrix);
                await Element(xml, "MinTileRow", Long(limits.MinTileRow));
                await Element(xml, "MaxTileRow", Long(limits.MaxTileRow));
                await Element(xml, "MinTileCol", Long(limits.MinTileCol));
                await Element(xml, "MaxTileCol", Long(limits.MaxTileCol));
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private static async Task ResourceUrlAsync(XmlWriter xml, string format, string resourceType, string template)
    {
        await xml.WriteStartElementAsync(null, "ResourceURL", Ns);
        await xml.WriteAttributeStringAsync(null, "format", null, format);
        await xml.WriteAttributeStringAsync(null, "resourceType", null, resourceType);
        await xml.WriteAttributeStringAsync(null, "template", null, template);
        await xml.WriteEndElementAsync();
    }

    private static async Task TileMatrixSetAsync(XmlWriter xml, TileMatrixSet tms)
    {
        var crs = tms.IsCrs84 ? CrsIdentifier.Crs84 : CrsIdentifier.Epsg(tms.Srid);
        var order = AxisOrderRules.For(crs, AxisContext.Wmts);
        await xml.WriteStartElementAsync(null, "TileMatrixSet", Ns);
        if (tms.Title.Length > 0)
            await Ows(xml, "Title", tms.Title);
        await Ows(xml, "Identifier", tms.Id);
        await Ows(xml, "SupportedCRS", crs.ToUrn());
        foreach (var matrix in tms.TileMatrices)
        {
            // TopLeftCorner is written in the CRS axis order (WMTS-B2): lat,lon for EPSG:4326, x,y otherwise.
            var (a1, a2) = AxisSwap.FromXY(new Coordinate(matrix.OriginX, matrix.OriginY), order);
            await xml.WriteStartElementAsync(null, "TileMatrix", Ns);
            await Ows(xml, "Identifier", matrix.Id);
            await Element(xml, "ScaleDenominator", KvpParsers.Format(matrix.ScaleDenominator));
            await Element(xml, "TopLeftCorner", KvpParsers.Format(a1) + " " + KvpParsers.Format(a2));
            await Element(xml, "TileWidth", Int(matrix.TileWidth));
            await Element(xml, "TileHeight", Int(matrix.TileHeight));
            await Element(xml, "MatrixWidth", Long(matrix.MatrixWidth));
            await Element(xml, "MatrixHeight", Long(matrix.MatrixHeight));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    /// <summary>One theme per group, pointing at the group and its published members (WMTS-A8: LayerRef → Layer).</summary>
    private async Task ThemesAsync(XmlWriter xml)
    {
        await xml.WriteStartElementAsync(null, "Themes", Ns);
        var published = contents.Layers.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in contents.Layers.Where(l => l.Kind == LayerKind.Group))
        {
            await xml.WriteStartElementAsync(null, "Theme", Ns);
            await DescriptionAsync(xml, group.Title, WmsCapabilitiesContext.AbstractOf(group), []);
            await Ows(xml, "Identifier", group.Id);
            foreach (var id in new[] { group.Id }.Concat(group.Children).Where(published.Contains).Distinct())
                await Element(xml, "LayerRef", id);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private static async Task DescriptionAsync(XmlWriter xml, string title, string abstractText, IReadOnlyList<string> keywords)
    {
        await Ows(xml, "Title", title);
        if (abstractText.Length > 0)
            await Ows(xml, "Abstract", abstractText);
        if (keywords.Count > 0)
        {
            await xml.WriteStartElementAsync("ows", "Keywords", OwsNs);
            foreach (var keyword in keywords)
                await Ows(xml, "Keyword", keyword);
            await xml.WriteEndElementAsync();
        }
    }

    private static async Task BoxAsync(XmlWriter xml, string name, Envelope box)
    {
        await xml.WriteStartElementAsync("ows", name, OwsNs);
        await Ows(xml, "LowerCorner", KvpParsers.Format(box.MinX) + " " + KvpParsers.Format(box.MinY));
        await Ows(xml, "UpperCorner", KvpParsers.Format(box.MaxX) + " " + KvpParsers.Format(box.MaxY));
        await xml.WriteEndElementAsync();
    }

    private static async Task OnlineResourceAsync(XmlWriter xml, string? prefix, string name, string ns, string href)
    {
        await xml.WriteStartElementAsync(prefix, name, ns);
        await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
        await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, href);
        await xml.WriteEndElementAsync();
    }

    private static Task Ows(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync("ows", name, OwsNs, value);

    private static Task Element(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync(null, name, Ns, value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);
}
