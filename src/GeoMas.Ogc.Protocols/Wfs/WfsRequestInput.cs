using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// One WFS request as the dispatcher received it: either KVP (GET, or POST form-encoded) or a POST XML body
/// already parsed with DTD processing and external entities off. Exactly one of <see cref="Kvp"/> and
/// <see cref="Xml"/> is set. <see cref="Version"/> is the negotiated version ("2.0.0" or "1.1.0").
/// Operation handlers read their own parameters from whichever form is present.
/// </summary>
public sealed record WfsRequestInput(string Operation, string Version, KvpRequest? Kvp, XElement? Xml)
{
    public bool IsXml => Xml is not null;
}
