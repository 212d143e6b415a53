using System.Xml;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// WMS 1.1.1 ServiceExceptionReport (§1.9): no namespace, the exception_1_1_1.dtd DOCTYPE, sent as
/// application/vnd.ogc.se_xml. The DTD has no locator attribute, so the locator goes into the message.
/// </summary>
public static class WmsExceptionWriter111
{
    public const string ContentType = "application/vnd.ogc.se_xml; charset=utf-8";

    public static async Task WriteAsync(Stream output, ServiceException error)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteDocTypeAsync("ServiceExceptionReport", null, "http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd", null);
        await xml.WriteStartElementAsync(null, "ServiceExceptionReport", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "1.1.1");
        await xml.WriteStartElementAsync(null, "ServiceException", null);
        await xml.WriteAttributeStringAsync(null, "code", null, error.Code);
        await xml.WriteStringAsync(XmlSafeText.Clean(string.IsNullOrEmpty(error.Locator) ? error.Message : $"{error.Message} (parameter {error.Locator})"));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }
}
