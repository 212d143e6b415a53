using System.Xml;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// Writes the <c>ows:ExceptionReport</c> of a WFS: OWS Common 1.1 for WFS 2.0.0 (WFS-Q6), OWS Common 1.0 for
/// WFS 1.1.0 (its schema imports ows/1.0.0). One <c>ows:Exception</c> with exceptionCode, locator and text.
/// </summary>
public static class WfsExceptionReportWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string Ows11 = "http://www.opengis.net/ows/1.1";
    public const string Ows10 = "http://www.opengis.net/ows";
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";

    public static async Task WriteAsync(Stream output, ServiceException error, string wfsVersion)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (ns, schema) = wfsVersion == WfsVersion.V110
            ? (Ows10, "http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd")
            : (Ows11, "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("ows", "ExceptionReport", ns);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs, ns + " " + schema);
        await xml.WriteAttributeStringAsync(null, "version", null, wfsVersion);
        await xml.WriteAttributeStringAsync("xml", "lang", null, "en");
        await xml.WriteStartElementAsync("ows", "Exception", ns);
        await xml.WriteAttributeStringAsync(null, "exceptionCode", null, error.Code);
        if (!string.IsNullOrEmpty(error.Locator))
            await xml.WriteAttributeStringAsync(null, "locator", null, XmlSafeText.Clean(error.Locator));
        await xml.WriteElementStringAsync("ows", "ExceptionText", ns, XmlSafeText.Clean(error.Message));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }
}
