using System.Text;
using System.Xml;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>
/// Reads the message of an OGC exception document (WMS ServiceExceptionReport, OWS ExceptionReport) that an
/// upstream returned instead of an image, so the failure names the upstream's own reason.
/// </summary>
public static class OgcExceptionReport
{
    public static string Describe(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), RemoteXml.Settings);
            var message = new StringBuilder();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (reader.LocalName is "ServiceException" or "Exception")
                {
                    var code = reader.GetAttribute("code") ?? reader.GetAttribute("exceptionCode");
                    var text = reader.LocalName == "ServiceException" ? reader.ReadElementContentAsString() : ReadExceptionText(reader);
                    if (message.Length > 0)
                        message.Append("; ");
                    message.Append(code is null ? text.Trim() : $"{code}: {text.Trim()}");
                }
            }
            return message.Length > 0 ? message.ToString() : "an XML document instead of an image";
        }
        catch (XmlException)
        {
            return "a non-image answer";
        }
    }

    private static string ReadExceptionText(XmlReader reader)
    {
        using var subtree = reader.ReadSubtree();
        var text = new StringBuilder();
        while (subtree.Read())
        {
            if (subtree.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                text.Append(subtree.Value);
        }
        return text.ToString();
    }
}
