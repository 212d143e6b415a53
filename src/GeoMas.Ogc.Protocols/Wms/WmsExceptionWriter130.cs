using System.Xml;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// WMS 1.3.0 ServiceExceptionReport (Annex E.2, WMS-E1): namespace http://www.opengis.net/ogc, attributes code and
/// locator, valid against exceptions_1_3_0.xsd, sent as text/xml.
/// </summary>
public static class WmsExceptionWriter130
{
    public const string ContentType = "text/xml; charset=utf-8";
    private const string Ns = "http://www.opengis.net/ogc";

    public static async Task WriteAsync(Stream output, ServiceException error)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "ServiceExceptionReport", Ns);
        await xml.WriteAttributeStringAsync(null, "version", null, "1.3.0");
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Ns + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
        await xml.WriteStartElementAsync(null, "ServiceException", Ns);
        await xml.WriteAttributeStringAsync(null, "code", null, error.Code);
        if (!string.IsNullOrEmpty(error.Locator))
            await xml.WriteAttributeStringAsync(null, "locator", null, XmlSafeText.Clean(error.Locator));
        await xml.WriteStringAsync(XmlSafeText.Clean(error.Message));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }
}
