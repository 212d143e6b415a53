namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// Protections of the <c>/wfs</c> endpoint. Registered as a singleton by the server composition; absent from DI →
/// <see cref="Default"/>.
/// </summary>
public sealed record WfsOptions
{
    public static WfsOptions Default { get; } = new();

    /// <summary>Largest POST body (XML or form) read, in bytes. A GetFeature with a big GML filter polygon stays far below.</summary>
    public int MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted in a POST XML body (an entity-free "billion laughs" is nesting).</summary>
    public int MaxXmlDepth { get; init; } = 64;
}
