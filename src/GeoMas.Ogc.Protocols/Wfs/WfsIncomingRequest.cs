using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The envelope of a WFS request before dispatch, whatever its encoding: the operation name (REQUEST or the XML root's
/// local name), SERVICE, VERSION and ACCEPTVERSIONS as sent (null when absent), and the parameters themselves.
/// </summary>
public sealed record WfsIncomingRequest(string? Operation, string? Service, string? Version, string? AcceptVersions, KvpRequest? Kvp, XElement? Xml)
{
    /// <summary>The XML namespace of the request element (WFS 2.0 or 1.1), or null for KVP.</summary>
    public string? XmlNamespace => Xml?.Name.NamespaceName;
}
