using System.Xml;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.Ows;

/// <summary>
/// Writes an OWS Common 1.1 <c>ows:ExceptionReport</c> (WMTS 1.0.0, TRAP-12), valid against owsExceptionReport.xsd:
/// one <c>ows:Exception</c> with <c>exceptionCode</c>, the optional <c>locator</c> and the message as ExceptionText.
/// </summary>
public static class OwsExceptionReportWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string Namespace = "http://www.opengis.net/ows/1.1";
    private const string XsiNs = "http://www.w3.org/2001/XMLSchema-instance";

    /// <param name="version">The service version the report belongs to (the <c>version</c> attribute is required).</param>
    public static async Task WriteAsync(Stream output, ServiceException error, string version)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync("ows", "ExceptionReport", Namespace);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNs, Namespace + " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
        await xml.WriteAttributeStringAsync(null, "version", null, version);
        await xml.WriteAttributeStringAsync("xml", "lang", null, "en");
        await xml.WriteStartElementAsync("ows", "Exception", Namespace);
        await xml.WriteAttributeStringAsync(null, "exceptionCode", null, error.Code);
        if (!string.IsNullOrEmpty(error.Locator))
            await xml.WriteAttributeStringAsync(null, "locator", null, XmlSafeText.Clean(error.Locator));
        await xml.WriteElementStringAsync("ows", "ExceptionText", Namespace, XmlSafeText.Clean(error.Message));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }
}
