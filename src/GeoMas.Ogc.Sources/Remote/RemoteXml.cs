using System.Xml;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>XmlReader settings for upstream documents: no DTD processing, no external resolution (XXE-safe).</summary>
internal static class RemoteXml
{
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        // Capabilities of national services run to megabytes; entity expansion is off anyway.
        MaxCharactersFromEntities = 0,
    };
}
